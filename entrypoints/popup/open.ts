// The popup's script. Its modules are all named in popup.html and load side by side; they then run
// in this order: early.ts asks the background for Today first, and the page (main.tsx, React) starts
// while the answers travel. Imported dynamically from early.ts, the page's code was fetched only once
// early.ts had run and its style sheets had loaded, and Today painted later.
import './early';
import './main';
