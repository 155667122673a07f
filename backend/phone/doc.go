// Package phone normalises phone numbers to the canonical form Kontak stores
// and WhatsApp uses: digits only, country code first, no plus sign.
// "0812-3456-7890" becomes "6281234567890".
//
// # Why a hand-written parser
//
// An import of a million rows must not spend ten seconds in regular
// expressions, which is what github.com/nyaruka/phonenumbers (the Go port of
// libphonenumber) costs. Indonesian numbers, written in the default region
// "ID" or with +62, therefore go through a hand-written fast path that
// allocates nothing. Its validity rules are a transcription of
// libphonenumber's Indonesian metadata and the tests check them against
// phonenumbers for every number prefix and length. Numbers of other countries,
// and national numbers of other default regions, go through phonenumbers,
// because they are rare in Kontak and their rules are too many to copy.
//
// # What is accepted
//
// Formatting is ignored: spaces, no-break spaces (U+00A0, U+2007, U+202F and
// the other Unicode spaces), "-", ".", "(", ")", "/", Unicode dashes, and the
// directional and zero-width marks (U+200B–U+200F, U+202A–U+202E,
// U+2060–U+2064, U+2066–U+2069, U+FEFF) that chat exports and spreadsheets
// leave behind. Full-width digits and the decimal digits of other scripts
// count as digits. A "+" may only come before the first digit.
//
// Damage done by spreadsheets is repaired, and each repair is reported as a
// [Reason]:
//
//   - a leading apostrophe ('0812…) is removed: [ReasonApostropheRemoved];
//   - a formula wrapper (="0812…") is removed: [ReasonFormulaQuotesRemoved];
//   - a zero fraction (6281234567890.0, also with a decimal comma, ",0") is
//     removed when the rest is a plain run of digits: [ReasonFloatSuffixRemoved];
//   - scientific notation (6.281234567890E+12, also 6,28…E+12) is expanded
//     only when the mantissa still holds every digit:
//     [ReasonScientificNotationExpanded]. When digits were rounded away
//     (6.28123E+11) the status is [StatusLossy] with [ReasonDigitsLost]: the
//     missing digits are never guessed;
//   - a national number whose leading zero was lost (812…, 21…) gets it back:
//     [ReasonLeadingZeroRestored].
//
// An extension written after the number ("ext 12", "x12", ";ext=12", and the
// Indonesian "psw 12", "pes. 12", "pesawat 12") is dropped, because WhatsApp
// cannot dial it, and [ReasonExtensionRemoved] says so. Any other letter or
// symbol makes the number invalid with [ReasonNotANumber]. A cell that holds
// only blanks is [StatusEmpty]; so is a placeholder such as "-", "n/a",
// "NaN", "null" or "tidak ada", which is also given [ReasonPlaceholder].
//
// # Country codes
//
// "+62", "0062" and, when the default region is Indonesia, a bare "62" at the
// start are the Indonesian country code. A trunk zero written after it
// ("+62 (0) 812…", "62 0812…") is dropped with [ReasonTrunkZeroRemoved]. A
// national "0…" becomes "62…". A bare "62…" is always read as the country code,
// even where libphonenumber would read a national number of area code 062x:
// "62812345678" is 62 + 812345678, not 62 + 62812345678.
//
// "00" followed by a country code is the international prefix in every region
// ([ReasonInternationalPrefix00]). Indonesian carriers also sell 001, 007, 008
// and 009 as international prefixes, but in written contact lists "001 415…"
// almost always means "+1 415…", so "00" is the only prefix recognised.
//
// A number with another country code ("+1 …", "+60 …", "0060 …") keeps it and
// is validated by phonenumbers; its [Kind] is [KindForeign]. No "62" is ever
// put in front of it. A bare digit string without "+" or "00" is read as a
// national number of the default region, so "60123456789" is an invalid
// Indonesian number rather than a guessed Malaysian one: store and export
// foreign numbers with their "+".
//
// # Validity and kinds
//
// Indonesian numbers are valid when libphonenumber's metadata for region ID
// says so: mobiles are 8[1-35-9] followed by 7–10 digits ([KindMobile]);
// landlines need a known area code and a subscriber number of the right
// length ([KindLandline]); toll-free (800, 177x, 001803, 007803), premium (809),
// shared-cost (804) and UAN numbers (1500, 8071) are valid with [KindOther].
// Service numbers such as 112 are invalid with [ReasonServiceNumber].
//
// # Default region
//
// The default region is a setting ([New]). For "ID" the fast path is used.
// For any other region, numbers without "+" or "00" are read by phonenumbers
// as national numbers of that region. Numbers that turn out to be Indonesian
// (+62) always follow the Indonesian rules above, whatever the region.
package phone
