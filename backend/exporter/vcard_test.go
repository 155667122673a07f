package exporter_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"kontak/backend/exporter"
)

func writeVCard(t *testing.T, keys []string, contacts ...exporter.Contact) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := exporter.Write(context.Background(), &buf, exporter.VCard, seq(contacts...),
		exporter.Options{FieldKeys: keys}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// Every physical line ends with CRLF, is at most 75 octets and is valid
// UTF-8 on its own: no fold cuts a character in two.
func TestVCardLines(t *testing.T) {
	out := writeVCard(t, fieldKeys, tricky...)
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("the file does not end with CRLF")
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n")) {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets, want at most 75: %q", i+1, len(line), line)
		}
		if !utf8.Valid(line) {
			t.Errorf("line %d is not valid UTF-8 on its own: %q", i+1, line)
		}
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
	}
}

func TestVCardName(t *testing.T) {
	tests := []struct {
		name, in, wantFN, wantN string
	}{
		{"TwoWords", "Budi Santoso", "Budi Santoso", "Santoso;Budi;;;"},
		{"ThreeWords", "Siti Nur Aisyah", "Siti Nur Aisyah", "Aisyah;Siti Nur;;;"},
		{"OneWord", "Sukarno", "Sukarno", ";Sukarno;;;"},
		{"Spaces", "  Budi   Santoso  ", "  Budi   Santoso  ", "Santoso;Budi;;;"},
		{"Comma", "Santoso, Budi", `Santoso\, Budi`, `Budi;Santoso\,;;;`},
		{"Semicolon", "Toko; Kue", `Toko\; Kue`, `Kue;Toko\;;;;`},
		{"Backslash", `a\b c`, `a\\b c`, `c;a\\b;;;`},
		{"Newline", "Dua\r\nBaris", `Dua\nBaris`, "Baris;Dua;;;"},
		{"ControlCharacter", "Bu\x00di", "Budi", ";Budi;;;"},
		{"Empty", "", "", ";;;;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := parseCards(t, writeVCard(t, nil, exporter.Contact{Name: tt.in}))[0]
			if got := card["FN"]; len(got) != 1 || got[0] != tt.wantFN {
				t.Errorf("FN = %q, want %q", got, tt.wantFN)
			}
			if got := card["N"]; len(got) != 1 || got[0] != tt.wantN {
				t.Errorf("N = %q, want %q", got, tt.wantN)
			}
		})
	}
}

func TestVCardFieldKey(t *testing.T) {
	tests := []struct {
		name, key, want string
	}{
		{"Plain", "Kota", "X-KONTAK-FIELD;X-NAME=Kota"},
		{"Space", "Tanggal lahir", "X-KONTAK-FIELD;X-NAME=Tanggal lahir"},
		{"Colon", "Jam: buka", `X-KONTAK-FIELD;X-NAME="Jam: buka"`},
		{"Semicolon", "a;b", `X-KONTAK-FIELD;X-NAME="a;b"`},
		{"Comma", "a,b", `X-KONTAK-FIELD;X-NAME="a,b"`},
		{"Quote", `"Nama" toko`, `X-KONTAK-FIELD;X-NAME=^'Nama^' toko`},
		{"Caret", "a^b", "X-KONTAK-FIELD;X-NAME=a^^b"},
		{"Newline", "a\nb", "X-KONTAK-FIELD;X-NAME=a^nb"},
		{"Emoji", "Hobi 🎣", "X-KONTAK-FIELD;X-NAME=Hobi 🎣"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeVCard(t, []string{tt.key}, exporter.Contact{Name: "A",
				Fields: []exporter.Field{{tt.key, "v"}}})
			if want := tt.want + ":v\r\n"; !bytes.Contains(out, []byte(want)) {
				t.Errorf("no line %q in\n%s", want, out)
			}
		})
	}
}

// parseCards is a small vCard 3.0 reader: it unfolds lines and returns, per
// card, the raw values of each property name with its parameters.
func parseCards(t *testing.T, data []byte) []map[string][]string {
	t.Helper()
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	var cards []map[string][]string
	var card map[string][]string
	for _, line := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		name, value, ok := cutUnquoted(line)
		if !ok {
			t.Fatalf("line without a colon: %q", line)
		}
		switch {
		case line == "BEGIN:VCARD":
			card = map[string][]string{}
		case line == "END:VCARD":
			cards = append(cards, card)
			card = nil
		case card == nil:
			t.Fatalf("line outside a card: %q", line)
		default:
			card[name] = append(card[name], value)
		}
	}
	return cards
}

// cutUnquoted splits a content line at its first colon outside double quotes.
func cutUnquoted(line string) (name, value string, ok bool) {
	quoted := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return line[:i], line[i+1:], true
			}
		}
	}
	return "", "", false
}

// unescape undoes RFC 2426 text escaping.
func unescape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			if v[i] == 'n' || v[i] == 'N' {
				b.WriteByte('\n')
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// splitValues splits a list value at the commas that are not escaped, and
// unescapes each part.
func splitValues(v string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ',':
			parts = append(parts, unescape(v[start:i]))
			start = i + 1
		}
	}
	return append(parts, unescape(v[start:]))
}

// An exported vCard file read back gives the same names, phones, emails,
// groups and fields.
func TestVCardRoundTrip(t *testing.T) {
	cards := parseCards(t, writeVCard(t, fieldKeys, tricky...))
	if len(cards) != len(tricky) {
		t.Fatalf("got %d cards, want %d", len(cards), len(tricky))
	}
	for i, c := range tricky {
		card := cards[i]
		got := exporter.Contact{Name: unescape(card["FN"][0])}
		if tel := card["TEL;TYPE=CELL"]; len(tel) == 1 {
			got.Phone = strings.TrimPrefix(tel[0], "+")
		}
		if email := card["EMAIL;TYPE=INTERNET"]; len(email) == 1 {
			got.Email = unescape(email[0])
		}
		if cat := card["CATEGORIES"]; len(cat) == 1 {
			got.Groups = splitValues(cat[0])
		}
		for _, k := range fieldKeys { // none of them needs quotes as X-NAME
			for _, v := range card["X-KONTAK-FIELD;X-NAME="+k] {
				got.Fields = append(got.Fields, exporter.Field{Key: k, Value: unescape(v)})
			}
		}
		want := exporter.Contact{Name: c.Name, Phone: c.Phone, Email: c.Email, Groups: c.Groups,
			Fields: keptFields(c.Fields)}
		for j, f := range want.Fields {
			want.Fields[j].Value = strings.ReplaceAll(f.Value, "\r\n", "\n")
		}
		want.Name = strings.ReplaceAll(want.Name, "\r\n", "\n")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("card %d read back as %+v, want %+v", i+1, got, want)
		}
	}
}
