import type { Register } from './runner.js';

// Placeholder while the command is built on its own branch; replaced when it lands.
export const registerPublish: Register = () => {};
