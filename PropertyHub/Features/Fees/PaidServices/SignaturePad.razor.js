// The occupant's signature pad: draws with finger, pen or mouse (pointer events) and gives the strokes as SVG path
// data, "M x y L x y …" per stroke, in the canvas's own whole-number coordinates.
export function attach(canvas) {
    const context = canvas.getContext('2d');
    const strokes = [];
    let current = null;

    const point = event => {
        const box = canvas.getBoundingClientRect();
        return [Math.round((event.clientX - box.left) * canvas.width / box.width),
                Math.round((event.clientY - box.top) * canvas.height / box.height)];
    };
    const line = (from, to) => {
        context.lineWidth = 4;
        context.lineCap = 'round';
        context.lineJoin = 'round';
        context.strokeStyle = '#1d2733';
        context.beginPath();
        context.moveTo(from[0], from[1]);
        context.lineTo(to[0], to[1]);
        context.stroke();
    };
    const end = event => {
        if (current && canvas.hasPointerCapture(event.pointerId)) {
            canvas.releasePointerCapture(event.pointerId);
        }
        current = null;
    };

    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', event => {
        event.preventDefault();
        canvas.setPointerCapture(event.pointerId);
        current = [point(event)];
        strokes.push(current);
        line(current[0], current[0]);
    });
    canvas.addEventListener('pointermove', event => {
        if (!current) {
            return;
        }
        const next = point(event);
        const last = current[current.length - 1];
        if (next[0] === last[0] && next[1] === last[1]) {
            return;
        }
        current.push(next);
        line(last, next);
    });
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);

    canvas.signaturePad = {
        clear() {
            strokes.length = 0;
            current = null;
            context.clearRect(0, 0, canvas.width, canvas.height);
        },
        path() {
            return strokes.map(stroke => stroke.map((p, i) => `${i === 0 ? 'M' : 'L'}${p[0]} ${p[1]}`).join(' ')).join(' ');
        },
    };
    // Tells a waiting test (or anyone) that the pad takes strokes now.
    canvas.dataset.ready = 'true';
}

export function clear(canvas) {
    canvas.signaturePad?.clear();
}

export function path(canvas) {
    return canvas.signaturePad?.path() ?? '';
}
