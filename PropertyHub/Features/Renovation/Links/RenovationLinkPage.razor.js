// The signing page opened from a personal link is a plain form: the pad's strokes go with it as SVG path data.
import { attach, clear, path } from '../../Fees/PaidServices/SignaturePad.razor.js';

const pad = document.getElementById('renovation-pad');
if (pad) {
    attach(pad);
    document.getElementById('renovation-clear').addEventListener('click', () => clear(pad));
    document.getElementById('renovation-sign-form').addEventListener('submit', () => {
        document.getElementById('renovation-signature').value = path(pad);
    });
}
