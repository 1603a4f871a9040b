/*
 * The graphical seat map (C2, C4, C6, C8, C9; seed 004 Figs 26, 28-33): one canvas, drawn from
 * compact JSON, usable for a 50,000-seat stadium. Plain JavaScript, no build step.
 *
 * Data (built by org.eticket.web.backoffice.SeatMapData): {rows, columns, seat, layers:
 * {type|seller|state: {names:[{code,name,colour}], cells:"..."}}} where each "cells" string holds
 * one character per cell in row-major order, (charCode - 48) being the index into names and '/'
 * meaning none. Each cell is drawn as one pixel of an offscreen bitmap that the visible canvas
 * scales, so drawing costs one drawImage however many seats there are; the per-cell loop runs
 * only when the colouring or the selection changes.
 *
 * Addresses are spreadsheet-like: column letters then row number (B1:F1, A2:G7).
 */
(function (global) {
    'use strict';

    var NONE = -1;

    function columnLabel(column) {
        var s = '';
        for (var n = column; n > 0; n = Math.floor((n - 1) / 26)) {
            s = String.fromCharCode(65 + (n - 1) % 26) + s;
        }
        return s;
    }

    function parseColumn(letters) {
        var n = 0;
        for (var i = 0; i < letters.length; i++) {
            n = n * 26 + (letters.charCodeAt(i) - 64);
        }
        return n;
    }

    function parseCell(text) {
        var m = /^\s*([A-Za-z]{1,3})\s*([0-9]{1,7})\s*$/.exec(text);
        if (!m) {
            throw new Error('"' + text.trim() + '" is not a cell: expected e.g. C3');
        }
        return {row: parseInt(m[2], 10), column: parseColumn(m[1].toUpperCase())};
    }

    /** Parses "B1:F1, A2:G7" into rectangles {top, left, bottom, right} (1-based, inclusive). */
    function parseRanges(text) {
        var out = [];
        text.split(/[,;]/).forEach(function (part) {
            if (!part.trim()) {
                return;
            }
            var ends = part.split(':');
            if (ends.length > 2) {
                throw new Error('"' + part.trim() + '" is not a range: expected e.g. B1:F1');
            }
            var a = parseCell(ends[0]);
            var b = ends.length === 2 ? parseCell(ends[1]) : a;
            out.push({top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row),
                left: Math.min(a.column, b.column), right: Math.max(a.column, b.column)});
        });
        if (!out.length) {
            throw new Error('no ranges given: expected e.g. B1:F1, A2:G7');
        }
        return out;
    }

    function decode(cells, n) {
        var out = new Int16Array(n);
        for (var i = 0; i < n; i++) {
            var c = cells.charCodeAt(i);
            out[i] = c === 47 || isNaN(c) ? NONE : c - 48;
        }
        return out;
    }

    function rgb(colour) {
        var m = /^#?([0-9a-fA-F]{6})$/.exec(colour || '');
        var v = m ? parseInt(m[1], 16) : 0x999999;
        return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    }

    /** Black or white, whichever reads better on the colour. */
    function ink(c) {
        return (c[0] * 299 + c[1] * 587 + c[2] * 114) / 1000 > 140 ? '#000' : '#fff';
    }

    /** The colour mixed with white, for taken seats. */
    function pale(c) {
        return [Math.round(c[0] + (255 - c[0]) * 0.65), Math.round(c[1] + (255 - c[1]) * 0.65),
            Math.round(c[2] + (255 - c[2]) * 0.65)];
    }

    function el(tag, attrs, text) {
        var e = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            e.setAttribute(k, attrs[k]);
        });
        if (text != null) {
            e.textContent = text;
        }
        return e;
    }

    var SEAT_COLOUR = [160, 174, 192];
    var AISLE_COLOUR = [244, 245, 247];
    var SELECTED = [20, 20, 20];

    function SeatMap(container, options) {
        this.container = container;
        this.options = options || {};
        this.input = this.options.input ? document.getElementById(this.options.input) : null;
        this.editable = this.options.editable !== false;
        this.build();
        this.load(this.options.data);
        if (this.input && this.input.value) {
            try {
                this.selectRanges(this.input.value, true);
            } catch (e) {
                this.input.value = '';
            }
        }
        container.seatMap = this;
    }

    SeatMap.prototype.build = function () {
        var self = this;
        var id = this.container.id || ('seatmap' + Math.floor(Math.random() * 1e9));
        this.container.classList.add('seatmap');
        this.container.innerHTML = '';

        var bar = el('div', {'class': 'seatmap-bar', role: 'toolbar', 'aria-label': 'Seat map tools'});
        this.colourSelect = el('select', {'class': 'seatmap-colouring', 'aria-label': 'Colour seats by', id: id + '-colouring'});
        bar.appendChild(el('label', {'for': id + '-colouring'}, 'Colour by '));
        bar.appendChild(this.colourSelect);
        this.colourSelect.addEventListener('change', function () {
            self.setColouring(self.colourSelect.value);
        });
        [['\u2212', 'Zoom out', function () { self.zoomBy(1 / 1.5); }],
            ['+', 'Zoom in', function () { self.zoomBy(1.5); }],
            ['Fit', 'Show the whole map', function () { self.fit(); }]].forEach(function (b) {
            var button = el('button', {type: 'button', 'class': 'seatmap-button', title: b[1], 'aria-label': b[1]}, b[0]);
            button.addEventListener('click', b[2]);
            bar.appendChild(button);
        });
        if (this.editable) {
            this.rangeInput = el('input', {type: 'text', 'class': 'seatmap-range', id: id + '-range',
                placeholder: 'B1:F1, A2:G7', 'aria-label': 'Select seats by range', size: 22});
            var selectButton = el('button', {type: 'button', 'class': 'seatmap-button seatmap-select-range'}, 'Select');
            var clearButton = el('button', {type: 'button', 'class': 'seatmap-button seatmap-clear'}, 'Clear selection');
            var typed = function () {
                try {
                    self.selectRanges(self.rangeInput.value, false);
                    self.rangeInput.removeAttribute('aria-invalid');
                    self.say('');
                } catch (e) {
                    self.rangeInput.setAttribute('aria-invalid', 'true');
                    self.say(e.message, true);
                }
            };
            selectButton.addEventListener('click', typed);
            this.rangeInput.addEventListener('keydown', function (e) {
                if (e.key === 'Enter') {
                    e.preventDefault();
                    typed();
                }
            });
            clearButton.addEventListener('click', function () {
                self.clearSelection();
            });
            bar.appendChild(el('label', {'for': id + '-range'}, ' Range '));
            bar.appendChild(this.rangeInput);
            bar.appendChild(selectButton);
            bar.appendChild(clearButton);
        }
        this.container.appendChild(bar);

        this.canvas = el('canvas', {tabindex: '0', role: 'application', 'class': 'seatmap-canvas',
            'aria-label': 'Seat map. Arrow keys move between seats, space selects, shift with arrows extends, '
                + 'plus and minus zoom, control with arrows pans.', 'aria-describedby': id + '-status'});
        this.canvas.style.height = (this.options.height || 480) + 'px';
        this.container.appendChild(this.canvas);

        this.status = el('div', {'class': 'seatmap-status', id: id + '-status', 'aria-live': 'polite'});
        this.countText = el('span', {'class': 'seatmap-count'});
        this.focusText = el('span', {'class': 'seatmap-focus'});
        this.message = el('span', {'class': 'seatmap-message', role: 'alert'});
        this.status.appendChild(this.countText);
        this.status.appendChild(this.focusText);
        this.status.appendChild(this.message);
        this.container.appendChild(this.status);
        this.legend = el('ul', {'class': 'seatmap-legend', 'aria-label': 'Legend'});
        this.container.appendChild(this.legend);

        this.ctx = this.canvas.getContext('2d');
        this.bindPointer();
        this.bindKeys();
        if (global.ResizeObserver) {
            new ResizeObserver(function () { self.resize(); }).observe(this.canvas);
        }
    };

    SeatMap.prototype.load = function (data) {
        this.data = data;
        this.rows = data.rows;
        this.columns = data.columns;
        var n = this.rows * this.columns;
        this.seat = new Uint8Array(n);
        var seatCount = 0;
        for (var i = 0; i < n; i++) {
            if (data.seat.charCodeAt(i) === 49) {
                this.seat[i] = 1;
                seatCount++;
            }
        }
        this.seatCount = seatCount;
        this.selected = new Uint8Array(n);
        this.selectedCount = 0;
        this.layers = {};
        var self = this;
        var names = Object.keys(data.layers || {});
        names.forEach(function (name) {
            var layer = data.layers[name];
            self.layers[name] = {names: layer.names, cells: decode(layer.cells, n),
                colours: layer.names.map(function (x) { return rgb(x.colour); })};
        });
        this.colourSelect.innerHTML = '';
        var labels = Object.assign({type: 'Seat type', seller: 'Seller', state: 'Sold / unsold', seat: 'Seats and aisles'},
            this.options.layerLabels || {});
        names.concat(['seat']).forEach(function (name) {
            self.colourSelect.appendChild(el('option', {value: name}, labels[name] || name));
        });
        this.bitmap = document.createElement('canvas');
        this.bitmap.width = this.columns;
        this.bitmap.height = this.rows;
        this.bctx = this.bitmap.getContext('2d');
        this.pixels = this.bctx.createImageData(this.columns, this.rows);
        this.focus = this.firstSeat();
        this.anchor = this.focus;
        var initial = this.options.colouring && (this.layers[this.options.colouring] || this.options.colouring === 'seat')
            ? this.options.colouring : (names[0] || 'seat');
        this.resize(true);
        this.setColouring(initial);
        this.updateStatus();
    };

    SeatMap.prototype.firstSeat = function () {
        for (var i = 0; i < this.seat.length; i++) {
            if (this.seat[i]) {
                return i;
            }
        }
        return 0;
    };

    SeatMap.prototype.setColouring = function (name) {
        this.colouring = name;
        this.colourSelect.value = name;
        this.paintAll();
        this.renderLegend();
        this.draw();
    };

    /** The colour of one cell under the current colouring and selection, as [r, g, b]. */
    SeatMap.prototype.cellColour = function (i) {
        if (!this.seat[i]) {
            return AISLE_COLOUR;
        }
        if (this.selected[i]) {
            return SELECTED;
        }
        var layer = this.layers[this.colouring];
        var k = layer ? layer.cells[i] : NONE;
        var c = !layer ? SEAT_COLOUR : k === NONE ? this.noneColour() : layer.colours[k];
        return this.isTaken(i) ? pale(c) : c;
    };

    /**
     * With options.taken = {layer, free}: a seat whose entry in that layer is not the free one is
     * drawn pale in the other colourings, so a seat type view still shows which seats are taken.
     */
    SeatMap.prototype.isTaken = function (i) {
        var t = this.options.taken;
        if (!t || (t.in || ['type']).indexOf(this.colouring) < 0 || !this.layers[t.layer]) {
            return false;
        }
        var k = this.layers[t.layer].cells[i];
        return k !== NONE && k !== t.free;
    };

    /**
     * With options.taken.selectable === false (the sales portal): a seat that is not the free one in
     * the taken layer, in any colouring, cannot be selected.
     */
    SeatMap.prototype.isLocked = function (i) {
        var t = this.options.taken;
        if (!t || t.selectable !== false || !this.layers[t.layer]) {
            return false;
        }
        return this.layers[t.layer].cells[i] !== t.free;
    };

    SeatMap.prototype.noneColour = function () {
        return [226, 228, 232];
    };

    SeatMap.prototype.paintAll = function () {
        var d = this.pixels.data;
        for (var i = 0, n = this.seat.length; i < n; i++) {
            var c = this.cellColour(i);
            var p = i * 4;
            d[p] = c[0];
            d[p + 1] = c[1];
            d[p + 2] = c[2];
            d[p + 3] = 255;
        }
        this.bctx.putImageData(this.pixels, 0, 0);
    };

    /** Repaints the bitmap for a rectangle of cells only (0-based, inclusive). */
    SeatMap.prototype.paintRect = function (top, left, bottom, right) {
        var d = this.pixels.data;
        for (var r = top; r <= bottom; r++) {
            for (var col = left; col <= right; col++) {
                var i = r * this.columns + col;
                var c = this.cellColour(i);
                var p = i * 4;
                d[p] = c[0];
                d[p + 1] = c[1];
                d[p + 2] = c[2];
            }
        }
        this.bctx.putImageData(this.pixels, 0, 0, left, top, right - left + 1, bottom - top + 1);
    };

    SeatMap.prototype.renderLegend = function () {
        this.legend.innerHTML = '';
        var layer = this.layers[this.colouring];
        var counts = {};
        var self = this;
        var add = function (colour, code, label, count) {
            var item = el('li');
            var swatch = el('span', {'class': 'seatmap-swatch', 'aria-hidden': 'true'}, code || '');
            var c = rgb(colour);
            swatch.style.background = colour;
            swatch.style.color = ink(c);
            item.appendChild(swatch);
            item.appendChild(document.createTextNode(' ' + label + (count != null ? ' (' + count + ')' : '')));
            self.legend.appendChild(item);
        };
        if (layer) {
            for (var i = 0; i < this.seat.length; i++) {
                if (this.seat[i]) {
                    var k = layer.cells[i];
                    counts[k] = (counts[k] || 0) + 1;
                }
            }
            // options.noCounts: colourings whose legend shows no counts (a buyer would read them as free seats).
            var counted = (this.options.noCounts || []).indexOf(this.colouring) < 0;
            layer.names.forEach(function (x, k) {
                add(x.colour, x.code, (x.code ? x.code + ' \u2013 ' : '') + x.name, counted ? counts[k] || 0 : null);
            });
            if (counts[NONE]) {
                add('#e2e4e8', '', (this.options.noneLabels && this.options.noneLabels[this.colouring])
                    || this.options.noneLabel || 'none', counts[NONE]);
            }
        } else {
            add('#a0aec0', '', 'seat', this.seatCount);
        }
        var taken = this.options.taken;
        if (taken && (taken.in || ['type']).indexOf(this.colouring) >= 0 && this.layers[taken.layer]) {
            add(taken.colour || '#f0c8c8', '', taken.label || 'pale: taken (allocated, held or sold)', null);
        }
        add('#f4f5f7', '', 'aisle (no seat)', null);
        if (this.editable) {
            add('#141414', '\u2713', 'selected', null);
        }
    };

    // ---- geometry ----

    SeatMap.prototype.resize = function (fit) {
        var rect = this.canvas.getBoundingClientRect();
        var ratio = global.devicePixelRatio || 1;
        var w = Math.max(1, Math.round(rect.width * ratio));
        var h = Math.max(1, Math.round(rect.height * ratio));
        if (this.canvas.width !== w || this.canvas.height !== h) {
            this.canvas.width = w;
            this.canvas.height = h;
        }
        var wasHidden = !this.viewWidth;
        this.ratio = ratio;
        this.viewWidth = rect.width;
        this.viewHeight = rect.height;
        if (fit || this.scale == null || wasHidden) {
            this.fit(true);
        } else {
            this.draw();
        }
    };

    SeatMap.prototype.gutter = function () {
        return this.scale >= 10 ? 28 : 0;
    };

    SeatMap.prototype.fit = function (quiet) {
        var s = Math.min((this.viewWidth - 32) / this.columns, (this.viewHeight - 32) / this.rows);
        this.scale = Math.max(0.05, Math.min(s, 40));
        var g = this.gutter();
        this.ox = g + (this.viewWidth - g - this.columns * this.scale) / 2;
        this.oy = g + (this.viewHeight - g - this.rows * this.scale) / 2;
        if (!quiet || this.data) {
            this.draw();
        }
    };

    SeatMap.prototype.zoomBy = function (factor, x, y) {
        x = x == null ? this.viewWidth / 2 : x;
        y = y == null ? this.viewHeight / 2 : y;
        var next = Math.max(0.05, Math.min(80, this.scale * factor));
        this.ox = x - (x - this.ox) * next / this.scale;
        this.oy = y - (y - this.oy) * next / this.scale;
        this.scale = next;
        this.draw();
    };

    /** The 0-based cell under a point in CSS pixels of the canvas, or null off the grid. */
    SeatMap.prototype.cellAt = function (x, y, clamp) {
        var col = Math.floor((x - this.ox) / this.scale);
        var row = Math.floor((y - this.oy) / this.scale);
        if (clamp) {
            col = Math.max(0, Math.min(this.columns - 1, col));
            row = Math.max(0, Math.min(this.rows - 1, row));
        } else if (col < 0 || row < 0 || col >= this.columns || row >= this.rows) {
            return null;
        }
        return {row: row, column: col};
    };

    /** Where a seat is drawn (for tests and tools): its centre in CSS pixels of the canvas, 1-based cell. */
    SeatMap.prototype.cellCentre = function (row, column) {
        return {x: this.ox + (column - 0.5) * this.scale, y: this.oy + (row - 0.5) * this.scale};
    };

    // ---- drawing ----

    SeatMap.prototype.draw = function () {
        if (!this.data || !this.ctx) {
            return;
        }
        var ctx = this.ctx;
        var s = this.scale;
        ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, this.viewWidth, this.viewHeight);
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(this.bitmap, this.ox, this.oy, this.columns * s, this.rows * s);

        var c0 = Math.max(0, Math.floor(-this.ox / s));
        var c1 = Math.min(this.columns - 1, Math.floor((this.viewWidth - this.ox) / s));
        var r0 = Math.max(0, Math.floor(-this.oy / s));
        var r1 = Math.min(this.rows - 1, Math.floor((this.viewHeight - this.oy) / s));
        if (s >= 6) {
            // Gaps between seats: one line per visible row and column, not one per seat.
            ctx.strokeStyle = '#ffffff';
            ctx.lineWidth = Math.max(1, s * 0.12);
            ctx.beginPath();
            for (var c = c0; c <= c1 + 1; c++) {
                ctx.moveTo(this.ox + c * s, this.oy + r0 * s);
                ctx.lineTo(this.ox + c * s, this.oy + (r1 + 1) * s);
            }
            for (var r = r0; r <= r1 + 1; r++) {
                ctx.moveTo(this.ox + c0 * s, this.oy + r * s);
                ctx.lineTo(this.ox + (c1 + 1) * s, this.oy + r * s);
            }
            ctx.stroke();
        }
        if (s >= 14) {
            this.drawLabels(r0, r1, c0, c1);
        }
        if (this.gutter()) {
            this.drawRulers(r0, r1, c0, c1);
        }
        if (this.drag && this.drag.mode === 'select') {
            var a = this.drag.from;
            var b = this.drag.to;
            var x = this.ox + Math.min(a.column, b.column) * s;
            var y = this.oy + Math.min(a.row, b.row) * s;
            ctx.fillStyle = 'rgba(0, 90, 200, 0.18)';
            ctx.strokeStyle = '#005ac8';
            ctx.lineWidth = 2;
            ctx.fillRect(x, y, (Math.abs(a.column - b.column) + 1) * s, (Math.abs(a.row - b.row) + 1) * s);
            ctx.strokeRect(x, y, (Math.abs(a.column - b.column) + 1) * s, (Math.abs(a.row - b.row) + 1) * s);
        }
        if (this.focused) {
            // Visible keyboard focus: a double ring (black and white) readable on any colour.
            var fr = Math.floor(this.focus / this.columns);
            var fc = this.focus % this.columns;
            var size = Math.max(s, 8);
            var fx = this.ox + fc * s + s / 2 - size / 2;
            var fy = this.oy + fr * s + s / 2 - size / 2;
            ctx.lineWidth = 3;
            ctx.strokeStyle = '#ffffff';
            ctx.strokeRect(fx - 2, fy - 2, size + 4, size + 4);
            ctx.lineWidth = 2;
            ctx.strokeStyle = '#d00000';
            ctx.strokeRect(fx - 2, fy - 2, size + 4, size + 4);
        }
    };

    /** Seat type codes (or seller codes) written on the seats when they are large enough to read. */
    SeatMap.prototype.drawLabels = function (r0, r1, c0, c1) {
        var ctx = this.ctx;
        var s = this.scale;
        var layer = this.layers[this.colouring];
        var base = Math.floor(s * 0.5);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        for (var r = r0; r <= r1; r++) {
            for (var c = c0; c <= c1; c++) {
                var i = r * this.columns + c;
                if (!this.seat[i]) {
                    continue;
                }
                var text;
                var colour;
                if (this.selected[i]) {
                    text = '\u2713';
                    colour = '#fff';
                } else if (layer && layer.cells[i] !== NONE) {
                    text = layer.names[layer.cells[i]].code || '';
                    colour = ink(this.isTaken(i) ? pale(layer.colours[layer.cells[i]]) : layer.colours[layer.cells[i]]);
                } else {
                    continue;
                }
                // Long codes (sellers) shrink to fit the seat; too small to read, they are left out.
                var size = Math.min(base, Math.floor(s * 0.85 / Math.max(1, text.length * 0.62)));
                if (size < 7) {
                    continue;
                }
                ctx.font = size + 'px sans-serif';
                ctx.fillStyle = colour;
                ctx.fillText(text, this.ox + (c + 0.5) * s, this.oy + (r + 0.5) * s);
            }
        }
    };

    SeatMap.prototype.drawRulers = function (r0, r1, c0, c1) {
        var ctx = this.ctx;
        var s = this.scale;
        ctx.fillStyle = 'rgba(255,255,255,0.9)';
        ctx.fillRect(0, 0, this.viewWidth, 16);
        ctx.fillRect(0, 0, 26, this.viewHeight);
        ctx.fillStyle = '#333';
        ctx.font = '10px sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        var step = Math.max(1, Math.ceil(22 / s));
        for (var c = c0; c <= c1; c++) {
            if ((c + 1) % step === 0 || step === 1) {
                ctx.fillText(columnLabel(c + 1), this.ox + (c + 0.5) * s, 8);
            }
        }
        var rowStep = Math.max(1, Math.ceil(12 / s));
        for (var r = r0; r <= r1; r++) {
            if ((r + 1) % rowStep === 0 || rowStep === 1) {
                ctx.fillText(String(r + 1), 13, this.oy + (r + 0.5) * s);
            }
        }
    };

    // ---- selection ----

    SeatMap.prototype.setCell = function (i, on) {
        if (!this.seat[i] || !!this.selected[i] === on || (on && this.isLocked(i))) {
            return false;
        }
        this.selected[i] = on ? 1 : 0;
        this.selectedCount += on ? 1 : -1;
        return true;
    };

    /** Selects (or clears) the seats of a 0-based rectangle; aisles are never selected. */
    SeatMap.prototype.selectRect = function (top, left, bottom, right, on) {
        top = Math.max(0, top);
        left = Math.max(0, left);
        bottom = Math.min(this.rows - 1, bottom);
        right = Math.min(this.columns - 1, right);
        for (var r = top; r <= bottom; r++) {
            for (var c = left; c <= right; c++) {
                this.setCell(r * this.columns + c, on);
            }
        }
        if (top <= bottom && left <= right) {
            this.paintRect(top, left, bottom, right);
        }
    };

    /** Adds typed ranges ("B1:F1, A2:G7") to the selection; a range off the grid is an error. */
    SeatMap.prototype.selectRanges = function (text, replace) {
        var ranges = parseRanges(text);
        var self = this;
        ranges.forEach(function (r) {
            if (r.bottom > self.rows || r.right > self.columns) {
                throw new Error(columnLabel(r.left) + r.top + ':' + columnLabel(r.right) + r.bottom
                    + ' lies outside the layout (' + self.rows + ' rows, columns A to ' + columnLabel(self.columns) + ')');
            }
        });
        if (replace) {
            this.selected.fill(0);
            this.selectedCount = 0;
            this.paintAll();
        }
        ranges.forEach(function (r) {
            self.selectRect(r.top - 1, r.left - 1, r.bottom - 1, r.right - 1, true);
        });
        this.changed();
    };

    SeatMap.prototype.clearSelection = function () {
        this.selected.fill(0);
        this.selectedCount = 0;
        this.paintAll();
        this.changed();
    };

    /**
     * The selection as ranges: runs of selected seats in each row, and runs that repeat in the
     * next row merged into one rectangle, so a selected block stays one range.
     */
    SeatMap.prototype.rangesText = function () {
        var open = {};
        var out = [];
        var cols = this.columns;
        var flush = function (keep) {
            Object.keys(open).forEach(function (k) {
                if (!keep[k]) {
                    out.push(open[k]);
                    delete open[k];
                }
            });
        };
        for (var r = 0; r < this.rows; r++) {
            var runs = {};
            var c = 0;
            while (c < cols) {
                if (!this.selected[r * cols + c]) {
                    c++;
                    continue;
                }
                var start = c;
                while (c < cols && this.selected[r * cols + c]) {
                    c++;
                }
                var key = start + '-' + (c - 1);
                runs[key] = true;
                if (open[key] && open[key].bottom === r - 1) {
                    open[key].bottom = r;
                } else {
                    if (open[key]) {
                        out.push(open[key]);
                    }
                    open[key] = {top: r, bottom: r, left: start, right: c - 1};
                }
            }
            flush(runs);
        }
        flush({});
        out.sort(function (a, b) { return a.top - b.top || a.left - b.left; });
        return out.map(function (x) {
            var from = columnLabel(x.left + 1) + (x.top + 1);
            var to = columnLabel(x.right + 1) + (x.bottom + 1);
            return from === to ? from : from + ':' + to;
        }).join(', ');
    };

    SeatMap.prototype.changed = function () {
        if (this.input) {
            this.input.value = this.rangesText();
        }
        this.updateStatus();
        this.draw();
        if (this.options.onChange) {
            this.options.onChange(this);
        }
    };

    SeatMap.prototype.describe = function (i) {
        var r = Math.floor(i / this.columns);
        var c = i % this.columns;
        var text = columnLabel(c + 1) + (r + 1);
        if (!this.seat[i]) {
            return text + ': aisle';
        }
        var self = this;
        Object.keys(this.layers).forEach(function (name) {
            var layer = self.layers[name];
            var k = layer.cells[i];
            if (k !== NONE) {
                var x = layer.names[k];
                text += ', ' + (name === 'type' ? 'type ' + (x.code ? x.code + ' (' + x.name + ')' : x.name) : x.name);
            }
        });
        return text + (this.selected[i] ? ', selected' : '');
    };

    SeatMap.prototype.updateStatus = function () {
        var max = this.options.maxSelection;
        this.countText.textContent = !this.editable ? this.seatCount + ' seats. '
            : this.selectedCount + (this.selectedCount === 1 ? ' seat' : ' seats') + ' selected'
            + (max ? ' (at most ' + max + ' per order). ' : ' of ' + this.seatCount + '. ');
        this.focusText.textContent = this.focused ? 'Focus: ' + this.describe(this.focus) + '. ' : '';
    };

    SeatMap.prototype.say = function (text, error) {
        this.message.textContent = text;
        this.message.classList.toggle('seatmap-error', !!error);
    };

    // ---- mouse, pen and touch (pointer events: a finger selects as the left button does) ----

    SeatMap.prototype.bindPointer = function () {
        var self = this;
        var canvas = this.canvas;
        var point = function (e) {
            var rect = canvas.getBoundingClientRect();
            return {x: e.clientX - rect.left, y: e.clientY - rect.top};
        };
        canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
        canvas.addEventListener('pointerdown', function (e) {
            if (!e.isPrimary) {
                return; // a second finger: the first one's drag goes on
            }
            var p = point(e);
            // Left drag selects (with Ctrl: deselects); right or middle drag, or Alt+drag, pans.
            var pan = e.button !== 0 || e.altKey || !self.editable;
            self.drag = {mode: pan ? 'pan' : 'select', start: p, last: p, moved: false, remove: e.ctrlKey || e.metaKey,
                from: self.cellAt(p.x, p.y, true), to: self.cellAt(p.x, p.y, true)};
            canvas.focus({preventScroll: true});
            e.preventDefault();
        });
        global.addEventListener('pointermove', function (e) {
            var d = self.drag;
            if (!d || !e.isPrimary) {
                return;
            }
            var p = point(e);
            if (Math.abs(p.x - d.start.x) + Math.abs(p.y - d.start.y) > 3) {
                d.moved = true;
            }
            if (d.mode === 'pan') {
                self.ox += p.x - d.last.x;
                self.oy += p.y - d.last.y;
            } else {
                d.to = self.cellAt(p.x, p.y, true);
            }
            d.last = p;
            self.draw();
        });
        global.addEventListener('pointercancel', function () {
            if (self.drag) {
                self.drag = null;
                self.draw();
            }
        });
        global.addEventListener('pointerup', function (e) {
            var d = self.drag;
            if (!d || !e.isPrimary) {
                return;
            }
            self.drag = null;
            if (d.mode !== 'select') {
                self.draw();
                return;
            }
            var p = point(e);
            if (!d.moved) {
                var cell = self.cellAt(p.x, p.y, false);
                if (cell) {
                    var i = cell.row * self.columns + cell.column;
                    self.focus = self.anchor = i;
                    if (!self.selected[i] && self.isLocked(i)) {
                        self.say(self.describe(i) + ': not available, choose another seat', true);
                        return;
                    }
                    self.say('');
                    self.setCell(i, !self.selected[i]);
                    self.paintRect(cell.row, cell.column, cell.row, cell.column);
                    self.changed();
                }
                return;
            }
            var a = d.from;
            var b = self.cellAt(p.x, p.y, true);
            self.selectRect(Math.min(a.row, b.row), Math.min(a.column, b.column),
                Math.max(a.row, b.row), Math.max(a.column, b.column), !d.remove);
            self.changed();
        });
        canvas.addEventListener('wheel', function (e) {
            var p = point(e);
            e.preventDefault();
            self.zoomBy(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
        }, {passive: false});
        canvas.addEventListener('focus', function () {
            self.focused = true;
            self.updateStatus();
            self.draw();
        });
        canvas.addEventListener('blur', function () {
            self.focused = false;
            self.updateStatus();
            self.draw();
        });
    };

    // ---- keyboard ----

    SeatMap.prototype.bindKeys = function () {
        var self = this;
        this.canvas.addEventListener('keydown', function (e) {
            var moves = {ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
            var m = moves[e.key];
            if (m && (e.ctrlKey || e.metaKey)) {
                self.ox -= m[1] * self.viewWidth / 4;
                self.oy -= m[0] * self.viewHeight / 4;
                self.draw();
            } else if (m) {
                var r = Math.floor(self.focus / self.columns) + m[0];
                var c = self.focus % self.columns + m[1];
                if (r < 0 || c < 0 || r >= self.rows || c >= self.columns) {
                    e.preventDefault();
                    return;
                }
                self.focus = r * self.columns + c;
                if (e.shiftKey && self.editable) {
                    // Shift+arrows: the selection grows to the rectangle from the anchor to the focus.
                    var ar = Math.floor(self.anchor / self.columns);
                    var ac = self.anchor % self.columns;
                    self.selectRect(Math.min(ar, r), Math.min(ac, c), Math.max(ar, r), Math.max(ac, c), true);
                    self.changed();
                } else {
                    self.anchor = self.focus;
                }
                self.scrollToFocus();
                self.updateStatus();
                self.draw();
            } else if ((e.key === ' ' || e.key === 'Enter') && self.editable) {
                var i = self.focus;
                self.say(!self.selected[i] && self.isLocked(i) ? self.describe(i) + ': not available, choose another seat' : '',
                    !self.selected[i] && self.isLocked(i));
                self.setCell(i, !self.selected[i]);
                self.paintRect(Math.floor(i / self.columns), i % self.columns, Math.floor(i / self.columns), i % self.columns);
                self.anchor = i;
                self.changed();
            } else if (e.key === '+' || e.key === '=') {
                self.zoomFocus(1.5);
            } else if (e.key === '-') {
                self.zoomFocus(1 / 1.5);
            } else if (e.key === '0') {
                self.fit();
            } else if (e.key === 'Escape' && self.editable) {
                self.clearSelection();
            } else {
                return;
            }
            e.preventDefault();
        });
    };

    SeatMap.prototype.zoomFocus = function (factor) {
        var p = this.cellCentre(Math.floor(this.focus / this.columns) + 1, this.focus % this.columns + 1);
        this.zoomBy(factor, p.x, p.y);
    };

    SeatMap.prototype.scrollToFocus = function () {
        var p = this.cellCentre(Math.floor(this.focus / this.columns) + 1, this.focus % this.columns + 1);
        var margin = Math.max(this.scale * 2, 30);
        if (p.x < margin) { this.ox += margin - p.x; }
        if (p.y < margin) { this.oy += margin - p.y; }
        if (p.x > this.viewWidth - margin) { this.ox -= p.x - (this.viewWidth - margin); }
        if (p.y > this.viewHeight - margin) { this.oy -= p.y - (this.viewHeight - margin); }
    };

    /** Mounts a map on the element with id containerId, reading its JSON from the element dataId. */
    SeatMap.mount = function (containerId, options) {
        var container = document.getElementById(containerId);
        if (!container) {
            return null;
        }
        options = options || {};
        if (options.dataId) {
            var source = document.getElementById(options.dataId);
            options.data = JSON.parse(source.value != null && source.tagName === 'INPUT' ? source.value : source.textContent);
        }
        if (!options.data) {
            container.textContent = 'The seat map could not be loaded; see the messages above.';
            return null;
        }
        return new SeatMap(container, options);
    };

    SeatMap.parseRanges = parseRanges;
    SeatMap.columnLabel = columnLabel;
    global.SeatMap = SeatMap;
})(window);
