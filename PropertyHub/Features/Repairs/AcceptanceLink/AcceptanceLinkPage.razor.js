// The acceptance link's form (rendered without a circuit): the pad draws in the browser and its strokes, as SVG path
// data, go with the form when it is sent.
import { attach, clear } from '../../Fees/PaidServices/SignaturePad.razor.js';

const canvas = document.querySelector('[data-testid="acceptance-link-page"] canvas');
if (canvas) {
    attach(canvas);
    // The kiosk pad's Clear, for a signature that went wrong.
    document.querySelector('[data-testid="acceptance-link-clear"]')?.addEventListener('click', () => clear(canvas));
    canvas.closest('form').addEventListener('submit', () => {
        document.getElementById('acceptance-signature').value = canvas.signaturePad.path();
    });
}
