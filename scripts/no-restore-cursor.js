// Stands in for restore-cursor (through Ink's cli-cursor), which writes the cursor-show sequence to stderr at
// exit: `leaf 2>errors` would find it in the file. src/io/terminal.ts shows the cursor on the terminal itself,
// on every way out.
export default function restoreCursor() {}
