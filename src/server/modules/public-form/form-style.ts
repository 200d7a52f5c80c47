/**
 * The citizen pages' stylesheet, after Det Fælles Designsystem (DKFDS): IBM Plex-like system font stack,
 * the DKFDS blue and error red, large targets, visible focus. Served as a file (no inline styles needed).
 */
export const FORM_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"IBM Plex Sans",Arial,Helvetica,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#004993}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:#004993;color:#fff;padding:1rem 1.5rem}
header p{margin:0;font-weight:600;font-size:1.125rem}
main{max-width:44rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.375rem;margin:0 0 .5rem}
fieldset{border:0;padding:0;margin:0 0 2rem}
legend{font-size:1.375rem;font-weight:600;margin-bottom:.5rem;padding:0}
legend.label{font-size:1rem;margin-bottom:.25rem}
.field{margin-bottom:1.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{display:block;color:#4d4d4d;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=tel],input[type=date],textarea{display:block;width:100%;max-width:32rem;font:inherit;padding:.5rem .75rem;border:1px solid #747474;border-radius:4px;background:#fff;color:#1a1a1a}
textarea{max-width:100%;min-height:10rem}
input[type=file]{font:inherit}
.radio{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
.radio label{font-weight:400;margin:0}
.radio input{width:1.25rem;height:1.25rem}
.invalid input,.invalid textarea{border:2px solid #b51d09}
.invalid{border-left:4px solid #b51d09;padding-left:1rem}
.error-message{display:block;color:#b51d09;font-weight:600;margin-bottom:.25rem}
.error-summary{border:3px solid #b51d09;padding:1rem 1.25rem;margin-bottom:2rem}
.error-summary ul{margin:.5rem 0 0;padding-left:1.25rem}
.error-summary a{color:#b51d09;font-weight:600}
.notice{background:#f5f5f5;border-left:4px solid #004993;padding:1rem 1.25rem;margin-bottom:1.5rem}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;background:#004993;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;cursor:pointer}
button:hover{background:#003366}
.reference{font-size:1.5rem;font-weight:700;letter-spacing:.05em}
`;
