// Package names finds the name a customer states about themself in a chat
// message, offline and deterministically: "nama saya Budi", "saya Bu Ratna",
// "my name is John". The inbound pipeline uses it to name a contact that
// was saved under a push name or a bare number (DESIGN §1, "AI name
// detection").
//
// # Precision first
//
// A wrong name written over a contact is worse than no name, so the package
// answers "" whenever it is unsure. Most of the rules below exist to turn
// away the many messages that look like a name statement and are not:
// "saya mau pesan", "saya dari Jakarta", "I'm interested".
//
// # Patterns
//
// A message is cut into words and punctuation, and the words are matched,
// case-insensitively and without accents, against a list of ways to state a
// name. The patterns come in two strengths:
//
//   - strong patterns say outright that a name follows: "nama saya",
//     "namaku", "nama lengkap saya", "Nama:", "panggil saja", "dipanggil",
//     "my name is", "call me", "dengan … di sini", "it's … here";
//   - weak patterns are ordinary sentence openings that usually are not
//     followed by a name: "saya", "aku", "gue", "ini dengan", "perkenalkan",
//     "I'm", "I am", "this is".
//
// After a weak pattern a name is accepted only when every sign agrees: the
// pattern opens its clause (nothing but greetings, fillers and forms of
// address such as "Halo kak," before it); the words after it are not in the
// stop list of several hundred Indonesian and English words (pronouns,
// verbs, adjectives, time words, places of Indonesia, shop and product
// words, brands); a lower-case word does not look derived (me-, ber-, ter-,
// -nya, -kan, -ing, -tion, …); and the name is followed by the end of a
// clause, a form of address, or a word such as "dari", "yang", "mau" or
// "from" that usually follows a name. A bare "perkenalkan" needs one of
// those words or a comma after the name: "Perkenalkan Glowskin!" announces
// a product. Words that are both names and common words ("Bagus", "Sabar",
// "Grace", "May") count as names after a weak pattern only when the message
// trusts its capitals and the word is capitalised. Slang "gue" and "gw" are
// too often followed by anything to go without a capitalised name that
// stands out: "gue Budi" is a name, "gw budi" is not.
//
// After a title the word is almost always a name, so "saya Bu Ratna" needs
// only that "Ratna" is not a stop word. The words for parents are not
// titles: a mother who writes "saya Bunda Andi" is Andi's mother.
//
// # Capital letters
//
// A message "trusts its capitals" when it has a capitalised word in the
// middle of a sentence and a lower-case word too: its writer capitalises
// names and little else. In such a message a lower-case word after a weak
// pattern is not a name, and a lower-case word after a capitalised name ends
// the name. Messages in all capitals, all lower case or Every Word
// Capitalised say nothing, and only the word lists decide. Titles and forms
// of address ("Kak", "Pak") are left out of this judgement because many
// writers capitalise them out of respect.
//
// # Cleaning
//
// Titles in front of the name (Pak, Bu, Mas, Mbak, Kak, Bang, Om, Tante,
// Hj., Mr, Mrs, Ms, Miss, …) are removed and reported in
// [Result.Honorific]. Capitalisation is fixed: "dimas anggara" becomes
// "Dimas Anggara" and "BUDI" becomes "Budi"; particles such as "bin" and
// "van" stay lower case inside a name; initials keep their period ("M.
// Rizky"). A name has at most four words and ends at punctuation, emoji, a
// line break or a word such as "dari", "di", "yang", "mau", "from" or
// "and". Numbers, URLs, e-mail addresses, @handles and anything with digits
// are never names. A name holds only letters of the Latin script, spaces,
// apostrophes, hyphens and periods.
//
// When two patterns in one message give different names the answer is "".
package names
