// The loader snippet of embedding.md, in a file of its own so that pages with a strict CSP can use it.
window.ringback=window.ringback||function(){(ringback.q=ringback.q||[]).push(arguments)}
