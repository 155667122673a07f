// Package bench measures Kontak at the sizes its users reach: it generates a
// deterministic Indonesian-like data set, runs each operation (most in a fresh process,
// where start-up matters), measures the raw building blocks underneath it in the same
// run, and prints a table of medians, worst runs, peak memory and the ratio to the floor.
package bench

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

// The data set follows shared/notes/performance-floors.md ("Synthetic data"): a mix of
// Javanese, Sundanese, Batak, Balinese, Chinese-Indonesian, Muslim and Christian names,
// phones in every format people write, 3% duplicates written differently, 0.3% junk.
var (
	firstNames = strings.Fields(`Budi Siti Agus Dewi Rina Joko Wati Andi Putri Eko Sri Bambang Yanti Hendra Ratna
		Dian Rudi Nur Ahmad Fitri Rizky Ayu Made Wayan Ketut Nyoman Putu Komang Gede Kadek Ujang Asep Cecep Euis Neng
		Dadang Yayan Iis Tati Enung Togar Rumondang Poltak Sahat Tiur Butet Horas Lamhot Mega Intan Lestari Bayu Rahmat
		Hasan Yusuf Aisyah Fatimah Zainal Hafiz Nabila Salsabila Kevin Stefanus Yohanes Maria Theresia Agnes Fransiska
		Antonius Paulus Yosef Lukas Markus Natalia Veronika Hendrik Sinta Wulan Bagus Galih Tono Parjo Sumarni Tukiyem
		Slamet Suparman Sugiarto Handoko Liem Tan Wijaya Lim Hartono Sutanto Gunawan Kurnia Indah Citra Permata Anisa
		Rahma Dimas Fajar Yoga Arif Irfan Reza Taufik Wahyu Yudi Eka Dwi Tri Catur Lina Maya Novi Desi Rini Vina Yuli`)
	lastNames = strings.Fields(`Santoso Wijaya Siregar Lubis Hasibuan Nasution Saputra Kurniawan Setiawan Hidayat
		Pratama Nugroho Susanto Gunawan Halim Tanoto Sitompul Simanjuntak Panjaitan Sembiring Ginting Tarigan Purba
		Manurung Pardede Situmorang Harahap Daulay Rangkuti Batubara Pohan Tanjung Sinaga Hutapea Napitupulu Sihombing
		Permana Ramadhan Firmansyah Hakim Rahman Wibowo Utomo Sulistyo Purnomo Suryadi Kusuma Wirawan Adiputra Mahendra
		Putra Putri Dewi Sari Lestari Anggraini Maharani Wulandari Suryani Handayani Fitriani Rahayu Astuti Yulianti
		Pertiwi Kartika Sinaga Gultom Simatupang`)
	honorifics = []string{"Pak", "Bu", "Mas", "Mbak", "Haji", "Hj.", "Kak", "Bang", "Ibu", "Bapak"}
	tags       = []string{"Bengkel", "Toko", "Kantor", "Kos", "Warung", "Salon", "Laundry", "Catering"}
	domains    = []string{"gmail.com", "yahoo.co.id", "outlook.com", "yahoo.com", "hotmail.com", "ymail.com"}
	groupNames = []string{"keluarga", "kantor", "arisan", "pelanggan", "reseller", "vip", "grosir", "tetangga",
		"alumni", "komunitas", "supplier", "dropship", "leads", "newsletter", "promo", "member", "agen",
		"marketplace", "offline", "online"}
	areaCodes = []string{"21", "22", "24", "31", "61", "274", "361", "411", "511", "711"}
	// mobilePrefixes are the operators' real prefixes (Telkomsel, Indosat, XL, Axis,
	// Smartfren, Three), so that invalid numbers in the data set come only from its junk.
	mobilePrefixes = []int{811, 812, 813, 821, 822, 823, 851, 852, 853, 814, 815, 816, 855, 856, 857, 858,
		817, 818, 819, 859, 877, 878, 831, 832, 833, 838, 881, 882, 883, 884, 885, 886, 887, 888, 889,
		895, 896, 897, 898, 899}
)

// Row is one generated contact as a spreadsheet holds it.
type Row struct {
	Name, Phone, Email, Groups string
	// NumericPhone is set when a spreadsheet would store the phone as a number.
	NumericPhone int64
}

// Generator makes the data set; the same seed gives the same rows.
type Generator struct {
	rng    *rand.Rand
	seen   []string // canonical phones, for duplicates
	serial int
}

// NewGenerator returns a generator with the benchmark's fixed seed.
func NewGenerator() *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(2026, 11))}
}

func (g *Generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *Generator) name() string {
	var b strings.Builder
	if g.rng.IntN(10) == 0 {
		b.WriteString(g.pick(honorifics) + " ")
	}
	b.WriteString(g.pick(firstNames))
	if g.rng.IntN(4) == 0 {
		b.WriteString(" " + g.pick(firstNames))
	}
	if g.rng.IntN(8) != 0 {
		b.WriteString(" " + g.pick(lastNames))
	}
	if g.rng.IntN(12) == 0 {
		b.WriteString(" (" + g.pick(tags) + ")")
	}
	s := b.String()
	if g.rng.IntN(20) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

// canonical makes a new canonical Indonesian phone: 95% mobile, 5% landline.
func (g *Generator) canonical() string {
	if g.rng.IntN(20) == 0 {
		area := g.pick(areaCodes)
		n := 7
		if len(area) == 3 {
			n = 6
		}
		return "62" + area + digits(g.rng, n)
	}
	prefix := mobilePrefixes[g.rng.IntN(len(mobilePrefixes))]
	length := 11 // national number length
	switch r := g.rng.IntN(10); {
	case r == 0:
		length = 9
	case r < 3:
		length = 10
	case r == 9:
		length = 12
	}
	return "62" + strconv.Itoa(prefix) + digits(g.rng, length-3)
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// written turns a canonical phone into one of the ways people write it.
func (g *Generator) written(c string) (string, int64) {
	national := "0" + c[2:]
	mobile := c[2] == '8'
	if !mobile {
		switch g.rng.IntN(3) {
		case 0:
			return "(0" + c[2:4] + ") " + c[4:], 0
		case 1:
			return "0" + c[2:4] + "-" + c[4:], 0
		default:
			return "+62 " + c[2:4] + " " + c[4:], 0
		}
	}
	dash := func(s, sep string) string {
		if len(s) < 8 {
			return s
		}
		return s[:4] + sep + s[4:8] + sep + s[8:]
	}
	switch r := g.rng.IntN(100); {
	case r < 25:
		return dash(national, "-"), 0
	case r < 45:
		return "+62 " + c[2:5] + " " + c[5:9] + " " + c[9:], 0
	case r < 65:
		n, _ := strconv.ParseInt(c, 10, 64)
		return c, n // spreadsheets store these as numbers
	case r < 85:
		return national, 0
	case r < 90:
		return c[2:], 0 // the leading zero lost in a spreadsheet
	case r < 95:
		return "+62-" + c[2:5] + "-" + c[5:9] + "-" + c[9:], 0
	case r < 98:
		return dash(national, " "), 0
	default:
		return "(+62) " + c[2:5] + "." + c[5:9] + "." + c[9:], 0
	}
}

// Next returns the next row.
func (g *Generator) Next() Row {
	g.serial++
	var r Row
	r.Name = g.name()
	switch x := g.rng.IntN(1000); {
	case x < 3:
		r.Phone = []string{"", "-", "n/a"}[x] // junk
	case x < 33 && len(g.seen) > 0:
		r.Phone, _ = g.written(g.seen[g.rng.IntN(len(g.seen))]) // a duplicate, written differently
	default:
		c := g.canonical()
		g.seen = append(g.seen, c)
		r.Phone, r.NumericPhone = g.written(c)
	}
	if g.rng.IntN(10) < 3 {
		first := strings.ToLower(strings.Fields(strings.TrimPrefix(r.Name, "("))[0])
		r.Email = fmt.Sprintf("%s.%d@%s", strings.Trim(first, ".()"), g.serial, g.pick(domains))
	}
	n := 1
	switch x := g.rng.IntN(10); {
	case x >= 9:
		n = 3
	case x >= 6:
		n = 2
	}
	gs := make([]string, 0, n)
	for range n {
		gs = append(gs, g.pick(groupNames))
	}
	r.Groups = strings.Join(gs, ";")
	return r
}

// WriteCSV writes n rows as a CSV with the header name,phone,email,groups.
func WriteCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "phone", "email", "groups"})
	g := NewGenerator()
	for range n {
		r := g.Next()
		cw.Write([]string{r.Name, r.Phone, r.Email, r.Groups})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteXLSX writes n rows as an XLSX the way Excel saves it: text in a shared-string
// table, phones that are all digits as numbers. excelize's stream writer only writes
// inline strings, so the parts are written here directly.
func WriteXLSX(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	out := bufio.NewWriterSize(f, 1<<20)
	z := zip.NewWriter(out)
	put := func(name, body string) error {
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, body)
		return err
	}
	const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	parts := map[string]string{
		"[Content_Types].xml": xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
			`</Types>`,
		"_rels/.rels": xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`,
		"xl/workbook.xml": xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Pelanggan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`</Relationships>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		if err := put(name, parts[name]); err != nil {
			return err
		}
	}
	strs := map[string]int{}
	var order []string
	sst := func(s string) int {
		if i, ok := strs[s]; ok {
			return i
		}
		strs[s] = len(order)
		order = append(order, s)
		return len(order) - 1
	}
	sheet, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	sw := bufio.NewWriterSize(sheet, 1<<20)
	sw.WriteString(xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		fmt.Sprintf(`<dimension ref="A1:D%d"/>`, n+1) + `<sheetData>`)
	row := func(i int, cells ...string) {
		fmt.Fprintf(sw, `<row r="%d">`, i)
		sw.WriteString(strings.Join(cells, ""))
		sw.WriteString(`</row>`)
	}
	str := func(col string, i int, s string) string {
		if s == "" {
			return ""
		}
		return fmt.Sprintf(`<c r="%s%d" t="s"><v>%d</v></c>`, col, i, sst(s))
	}
	row(1, str("A", 1, "Nama"), str("B", 1, "No HP"), str("C", 1, "Email"), str("D", 1, "Grup"))
	g := NewGenerator()
	for i := 2; i <= n+1; i++ {
		r := g.Next()
		phoneCell := str("B", i, r.Phone)
		if r.NumericPhone != 0 {
			phoneCell = fmt.Sprintf(`<c r="B%d"><v>%d</v></c>`, i, r.NumericPhone)
		}
		row(i, str("A", i, r.Name), phoneCell, str("C", i, r.Email), str("D", i, r.Groups))
	}
	sw.WriteString(`</sheetData></worksheet>`)
	if err := sw.Flush(); err != nil {
		return err
	}
	ss, err := z.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(ss, 1<<20)
	fmt.Fprintf(bw, xmlHead+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(order), len(order))
	for _, s := range order {
		bw.WriteString("<si><t>" + html.EscapeString(s) + "</t></si>")
	}
	bw.WriteString("</sst>")
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return f.Close()
}
