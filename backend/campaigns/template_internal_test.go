package campaigns

import (
	"reflect"
	"testing"

	"kontak/backend/contacts"
)

func TestRender(t *testing.T) {
	budi := &contacts.Contact{Name: "Budi", Phone: "6281234567890", Display: "+62 812-3456-7890",
		Fields: []contacts.Field{{Key: "Kota", Value: "Bandung"}, {Key: "Order Terakhir", Value: " Kopi "}, {Key: "Kosong", Value: ""}}}
	cases := []struct {
		msg, want string
		empty     []string
	}{
		{"Halo {name}!", "Halo Budi!", nil},
		{"Halo {NAME}, nomor {Phone}", "Halo Budi, nomor +62 812-3456-7890", nil},
		{"Dari {kota} ({KOTA})", "Dari Bandung (Bandung)", nil},
		{"{ order terakhir }!", "Kopi!", nil},
		{"Halo {panggilan|Kak} {name|Kak}", "Halo Kak Budi", nil},
		{"Halo {panggilan}", "Halo ", []string{"panggilan"}},
		{"{kosong}{kosong}", "", []string{"kosong"}},
		{"{kosong|}x", "x", nil},
		{"Harga {} dan { } dan {{name}} dan {\"a\":1}", "Harga {} dan { } dan {Budi} dan {\"a\":1}", nil},
		{"kurung { tanpa tutup", "kurung { tanpa tutup", nil},
		{"tutup } saja", "tutup } saja", nil},
		{"{-x} {name", "{-x} {name", nil},
		{"baris {na\nme}", "baris {na\nme}", nil},
		{"emoji 😀 {name} 🎉", "emoji 😀 Budi 🎉", nil},
		{"{name|Kak|Bu}", "Budi", nil},
		{"", "", nil},
	}
	for _, c := range cases {
		var empty []string
		got := parseTemplate(c.msg).render(budi, func(k string) { empty = append(empty, k) })
		if got != c.want || !reflect.DeepEqual(empty, c.empty) {
			t.Errorf("render(%q) = %q (empty %v), want %q (empty %v)", c.msg, got, empty, c.want, c.empty)
		}
	}
}

func TestTemplateVariables(t *testing.T) {
	tp := parseTemplate("{Kota} {name} {kota|x} {KOTA} {nama}")
	var got []string
	for _, v := range tp.vars {
		got = append(got, v.text)
	}
	if want := []string{"Kota", "name", "kota", "nama"}; !reflect.DeepEqual(got, want) {
		t.Errorf("vars %v, want %v", got, want)
	}
	if !tp.hasCustom() || parseTemplate("{name} {phone|-}").hasCustom() {
		t.Error("hasCustom")
	}
}

func TestWaMeLink(t *testing.T) {
	cases := map[[2]string]string{
		{"6281234567890", "Halo Budi, diskon 50% & gratis ongkir!\nYuk?"}: "https://wa.me/6281234567890?text=Halo%20Budi%2C%20diskon%2050%25%20%26%20gratis%20ongkir%21%0AYuk%3F",
		{"6281234567890", ""}:      "https://wa.me/6281234567890",
		{"14155552671", "1+1=2 😀"}: "https://wa.me/14155552671?text=1%2B1%3D2%20%F0%9F%98%80",
	}
	for in, want := range cases {
		if got := waMeLink(in[0], in[1]); got != want {
			t.Errorf("waMeLink(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

// The tests export with windows of two recipients, so that an output of a few
// recipients already crosses several windows.
func init() { exportWindow = 2 }
