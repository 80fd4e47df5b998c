// DangolIdentity — recognising the same customer across sources, and the rules for merging them.
//
// Pure algorithms over plain values (DangolCore types, arrays, numbers): comparators, match models, blocking,
// clustering and the survivorship rules that build one golden record from several. It never imports the store, the
// network or a clock; time arrives as a parameter. DangolApp combines it with the store inside transactions.
