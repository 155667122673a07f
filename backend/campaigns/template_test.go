package campaigns_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kontak/backend/campaigns"
	"kontak/backend/contacts"
)

// budiFields are Budi's custom fields: a city, a key with a space whose value was typed
// with spaces around it, and a field he has but left empty.
var budiFields = []contacts.Field{{Key: "Kota", Value: "Bandung"}, {Key: "Order Terakhir", Value: " Kopi "}, {Key: "Kosong", Value: ""}}

// emptyList shows a preview's empty variables as "variable=count", for readable messages.
func emptyList(vs []campaigns.EmptyVariable) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, fmt.Sprintf("%s=%d", v.Variable, v.Count))
	}
	return out
}

// TestPreviewRendersMessage previews each message for an audience of one, Budi, and
// checks the message he would get and the variables the preview warns about.
func TestPreviewRendersMessage(t *testing.T) {
	e := newEnv(t)
	g := e.group("Pelanggan")
	e.add(person{name: "Budi", phone: "0812-3456-7890", groups: []uint64{g}, fields: budiFields})
	a := campaigns.Audience{Include: []uint64{g}}
	cases := []struct {
		name    string
		msg     string
		want    string
		empty   []string // "variable=count"
		unknown []string
	}{
		{name: "name", msg: "Halo {name}!", want: "Halo Budi!"},
		{name: "built-in keys ignore case and phone is shown formatted",
			msg: "Halo {NAME}, nomor {Phone}", want: "Halo Budi, nomor +62 812-3456-7890"},
		{name: "custom keys ignore case", msg: "Dari {kota} ({KOTA})", want: "Dari Bandung (Bandung)"},
		{name: "spaces inside braces and around the value are trimmed", msg: "{ order terakhir }!", want: "Kopi!"},
		{name: "fallback used only when the value is missing",
			msg: "Halo {panggilan|Kak} {name|Kak}", want: "Halo Kak Budi", unknown: []string{"panggilan"}},
		{name: "unknown variable without fallback renders empty",
			msg: "Halo {panggilan}", want: "Halo ", empty: []string{"panggilan=1"}, unknown: []string{"panggilan"}},
		{name: "empty field counted once per recipient",
			msg: "{kosong}{kosong}", want: "", empty: []string{"kosong=1"}},
		{name: "empty fallback silences the warning", msg: "{kosong|}x", want: "x"},
		{name: "braces that are not variables are kept",
			msg:  "Harga {} dan { } dan {{name}} dan {\"a\":1}",
			want: "Harga {} dan { } dan {Budi} dan {\"a\":1}"},
		{name: "unclosed brace", msg: "kurung { tanpa tutup", want: "kurung { tanpa tutup"},
		{name: "lone closing brace", msg: "tutup } saja", want: "tutup } saja"},
		{name: "key not starting with a letter and unclosed variable", msg: "{-x} {name", want: "{-x} {name"},
		{name: "newline inside braces", msg: "baris {na\nme}", want: "baris {na\nme}"},
		{name: "emoji", msg: "emoji 😀 {name} 🎉", want: "emoji 😀 Budi 🎉"},
		{name: "fallback runs to the closing brace", msg: "{name|Kak|Bu}", want: "Budi"},
		{name: "empty message", msg: "", want: ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := e.b.Preview(c.msg, a)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Samples) != 1 {
				t.Fatalf("got %d samples, want 1", len(p.Samples))
			}
			if got := p.Samples[0].Message; got != c.want {
				t.Errorf("message: got %q, want %q", got, c.want)
			}
			wantEmpty, wantUnknown := c.empty, c.unknown
			if wantEmpty == nil {
				wantEmpty = []string{}
			}
			if wantUnknown == nil {
				wantUnknown = []string{}
			}
			if got := emptyList(p.Empty); !reflect.DeepEqual(got, wantEmpty) {
				t.Errorf("empty: got %q, want %q", got, wantEmpty)
			}
			if !reflect.DeepEqual(p.Unknown, wantUnknown) {
				t.Errorf("unknown: got %q, want %q", p.Unknown, wantUnknown)
			}
		})
	}
}

// TestPreviewVariables checks how the preview lists a message's variables over an
// audience of Ani (no custom fields) and Budi: each variable once, however it is
// spelled, as first typed and in the order of the message; and that a message with only
// {name} and {phone} warns about nothing.
func TestPreviewVariables(t *testing.T) {
	e := newEnv(t)
	g := e.group("Pelanggan")
	e.add(person{name: "Ani", phone: "0812-1000-0001", groups: []uint64{g}})
	e.add(person{name: "Budi", phone: "0812-3456-7890", groups: []uint64{g}, fields: budiFields})
	a := campaigns.Audience{Include: []uint64{g}}
	cases := []struct {
		name    string
		msg     string
		samples []string // Ani's message, then Budi's
		empty   []string // "variable=count"
		unknown []string
	}{
		{name: "each variable once, as first typed, in order",
			msg:     "{Kota} {name} {kota|x} {KOTA} {nama}",
			samples: []string{" Ani x  ", "Bandung Budi Bandung Bandung "},
			empty:   []string{"Kota=1", "nama=2"}, unknown: []string{"nama"}},
		{name: "only built-in variables warn about nothing",
			msg:     "{name} {phone|-}",
			samples: []string{"Ani +62 812-1000-0001", "Budi +62 812-3456-7890"},
			empty:   []string{}, unknown: []string{}},
		{name: "a custom variable counts the recipients who lack it",
			msg:     "{name} dari {kota}",
			samples: []string{"Ani dari ", "Budi dari Bandung"},
			empty:   []string{"kota=1"}, unknown: []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := e.b.Preview(c.msg, a)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, s := range p.Samples {
				got = append(got, s.Message)
			}
			if !reflect.DeepEqual(got, c.samples) {
				t.Errorf("samples: got %q, want %q", got, c.samples)
			}
			if got := emptyList(p.Empty); !reflect.DeepEqual(got, c.empty) {
				t.Errorf("empty: got %q, want %q", got, c.empty)
			}
			if !reflect.DeepEqual(p.Unknown, c.unknown) {
				t.Errorf("unknown: got %q, want %q", p.Unknown, c.unknown)
			}
		})
	}
}

// TestExportWaMeLinks exports one recipient as wa.me links and reads the file: spaces
// are %20 (not "+", which WhatsApp would show), every other special character, line
// breaks and emoji are escaped, and an empty message gives a bare link.
func TestExportWaMeLinks(t *testing.T) {
	cases := []struct {
		name  string
		phone string
		msg   string
		want  string
	}{
		{name: "punctuation, percent, ampersand and a line break",
			phone: "0812-3456-7890", msg: "Halo {name}, diskon 50% & gratis ongkir!\nYuk?",
			want: "https://wa.me/6281234567890?text=Halo%20Budi%2C%20diskon%2050%25%20%26%20gratis%20ongkir%21%0AYuk%3F"},
		{name: "empty message gives a bare link",
			phone: "0812-3456-7890", msg: "",
			want: "https://wa.me/6281234567890"},
		{name: "plus, equals and emoji; a foreign number",
			phone: "+1 415 555 2671", msg: "1+1=2 😀",
			want: "https://wa.me/14155552671?text=1%2B1%3D2%20%F0%9F%98%80"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			g := e.group("Pelanggan")
			e.add(person{name: "Budi", phone: c.phone, groups: []uint64{g}})
			it, err := e.b.Save(0, campaigns.ItemInput{Name: "Promo", Message: c.msg, Audience: campaigns.Audience{Include: []uint64{g}}})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "links.txt")
			if _, err := e.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: campaigns.FormatWaMe, Path: path}); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := string(b), c.want+"\n"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
