// Ink imports react-devtools-core only when DEV=true; the published bundle never connects to devtools, so the bundler
// replaces that optional package with this no-op instead of pulling it in.
export default {connectToDevTools() {}};
