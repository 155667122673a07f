package names_test

import (
	"errors"
	"io/fs"
	"kontak/backend/fixtures"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontak/backend/names"
)

// detectTests are the cases beyond shared/testdata/names-id.tsv. want is
// "" when the message states no name.
var detectTests = []struct {
	name string
	in   string
	want string
}{
	// Indonesian, strong patterns.
	{"nama saya, all caps", "NAMA SAYA BUDI SANTOSO", "Budi Santoso"},
	{"nama saya, random case", "nAmA sAyA rInA", "Rina"},
	{"nama saya, name in caps", "nama saya BUDI", "Budi"},
	{"nama saya, exclamation marks", "nama saya budi!!!", "Budi"},
	{"nama saya, quoted", `nama saya "Budi"`, "Budi"},
	{"nama saya, WhatsApp bold", "nama saya *Budi*", "Budi"},
	{"nama saya with colon", "Nama saya: Sri Wahyuni", "Sri Wahyuni"},
	{"nama saya adalah with colon", "nama saya adalah: Gilang", "Gilang"},
	{"five words cut to four", "nama saya Muhammad Rizky Pratama Putra Wijaya", "Muhammad Rizky Pratama Putra"},
	{"initial keeps its period", "nama saya M. Rizky", "M. Rizky"},
	{"particle stays lower case", "nama saya Ahmad bin Abdullah", "Ahmad bin Abdullah"},
	{"particle in all caps", "NAMA SAYA AHMAD BIN ABDULLAH", "Ahmad bin Abdullah"},
	{"patronymic with binti", "saya Siti Nurhaliza binti Ahmad", "Siti Nurhaliza binti Ahmad"},
	{"apostrophe of an Arabic name", "nama saya ma'ruf", "Ma'ruf"},
	{"full-width letters", "nama saya Ｒｉｎａ", "Rina"},
	{"accented name", "saya Désirée", "Désirée"},
	{"nama sy", "nama sy Yudi", "Yudi"},
	{"namaku", "Hai, namaku Kirana", "Kirana"},
	{"nama aku", "nama aku cindy", "Cindy"},
	{"nama gue", "nama gue Andre", "Andre"},
	{"nama lengkapku", "nama lengkapku Nur Aini", "Nur Aini"},
	{"ini nama saya", "ini nama saya Budi", "Budi"},
	{"form: nama pemesan", "Nama pemesan: Yulia", "Yulia"},
	{"form over several lines", "Format order:\nNama: Sinta Dewi\nNo HP: 0812 3333 4444\nAlamat: Jl. Mawar 2", "Sinta Dewi"},
	{"form in caps", "NAMA : RATNA SARI\nALAMAT : BOGOR", "Ratna Sari"},
	{"form without a space", "nama:budi", "Budi"},
	{"form with a phone after a slash", "Nama: budi / 0812345678", "Budi"},
	{"form with a title", "nama: Hj. Aminah", "Aminah"},
	{"name ends at a new line", "nama saya Budi\nsaya mau pesan", "Budi"},
	{"name ends at the next nama", "nama saya budi nama istri saya ani", "Budi"},
	{"panggil aja", "panggil aja Sisca", "Sisca"},
	{"panggil saja with a title", "panggil saja kak Rina", "Rina"},
	{"panggil aku", "panggil aja aku Dede ya", "Dede"},
	{"biasa dipanggil", "saya biasa dipanggil Dodi kak", "Dodi"},
	{"saya bernama", "saya bernama Lestari Wulandari", "Lestari Wulandari"},
	{"saya atas nama", "saya atas nama Budi Hartono", "Budi Hartono"},
	{"dengan … di sini", "Halo, dengan Fajar di sini", "Fajar"},
	{"ambiguous word after a strong pattern", "nama saya Bagus", "Bagus"},

	// Indonesian, weak patterns.
	{"emoji around the name", "Halo kak 😊 saya Rina 🙏", "Rina"},
	{"all caps with dari", "HALO KAK SAYA RINA DARI MEDAN", "Rina"},
	{"all lower case with mau", "halo kak saya dewi mau pesan", "Dewi"},
	{"name then a phone number", "saya budi 081234567890", "Budi"},
	{"name in caps", "saya RUDI", "Rudi"},
	{"name then a sentence", "Saya Rudi. Mau pesan kopi 2 kg", "Rudi"},
	{"name then yg", "saya Agus yg kemarin order gamis", "Agus"},
	{"two-word name then dari", "saya Dimas Anggara dari Bogor", "Dimas Anggara"},
	{"Balinese name", "saya Nyoman dari Bali", "Nyoman"},
	{"sy abbreviation", "sy asep kak", "Asep"},
	{"sy with sdh tf", "Sy Agus, sdh tf ya", "Agus"},
	{"aq abbreviation", "aq Putri kak", "Putri"},
	{"name then age", "aku Tiara, 25 tahun", "Tiara"},
	{"temennya after a comma", "aku Sinta, temennya Rani", "Sinta"},
	{"ini dengan Pak", "Selamat siang, ini dengan Pak Joko", "Joko"},
	{"maaf opens the clause", "maaf, saya Wawan yang pesan kemarin", "Wawan"},
	{"Pak then a comma", "Pak, saya Harun", "Harun"},
	{"Ustadzah", "Assalamualaikum wr wb, saya Ustadzah Nur", "Nur"},
	{"Hj. with a period", "saya Hj. Siti Aminah", "Siti Aminah"},
	{"two titles", "saya Ibu Hj. Siti", "Siti"},
	{"dr. with a period is a title", "saya dr. Rina", "Rina"},
	{"Kak as a title", "saya kak nisa", "Nisa"},
	{"Sundanese teh", "saya teh Rina", "Rina"},
	{"perkenalkan with a name", "Perkenalkan, Reza dari CV Sinar", "Reza"},
	{"perkenalkan nama saya", "Perkenalkan nama saya Andi dari PT Maju", "Andi"},
	{"gue with a capital", "Gw Budi, mau order", "Budi"},
	{"repeated in the same message", "saya Rani, nama lengkap saya Rani Putri", "Rani Putri"},
	{"name then saya mau", "saya Budi, saya mau order", "Budi"},
	{"Title Case message", "Saya Budi Mau Pesan", "Budi"},

	// English.
	{"my name is with and", "My name is Peter Parker and I want to order", "Peter Parker"},
	{"my name is with a comma", "my name is John Smith, I live in Jakarta", "John Smith"},
	{"my name is with a colon", "my name is: Mary", "Mary"},
	{"my name's lower case", "my name's jack", "Jack"},
	{"apostrophe after one letter", "my name is o'brien", "O'Brien"},
	{"hyphenated name", "my name is Jean-Pierre", "Jean-Pierre"},
	{"Name form", "Name: Lisa Wong", "Lisa Wong"},
	{"ambiguous name after my name is", "Hello! My name is Grace and I'd like to order", "Grace"},
	{"I'm from", "Hi, I'm Aisha from Jakarta", "Aisha"},
	{"im lower case", "morning, im rizky", "Rizky"},
	{"I am", "Good evening, I am Ahmad", "Ahmad"},
	{"I'm with the one who", "I'm Tika, the one who ordered the red bag", "Tika"},
	{"this is from", "this is Sarah from Bandung", "Sarah"},
	{"this is Mr.", "this is Mr. Lee", "Lee"},
	{"this is Mrs", "Hi, this is Mrs Tan from Singapore", "Tan"},
	{"this is Dr.", "hello this is Dr. Stone", "Stone"},
	{"it's … here", "Hello, it's Anna here", "Anna"},
	{"you can call me", "you can call me Sam", "Sam"},
	{"please call me", "Please call me Bob", "Bob"},
	{"Balinese name after I'm", "I'm Made", "Made"},

	// Not names: what follows saya, aku, gue.
	{"saya mau pesan", "saya mau pesan 2", ""},
	{"saya dari", "saya dari Jakarta", ""},
	{"aku baru transfer", "aku baru transfer", ""},
	{"saya sudah bayar", "saya sudah bayar kak", ""},
	{"title only", "saya pak", ""},
	{"title then a comma", "saya pak, mau tanya", ""},
	{"title only, capitalised", "Saya Bu", ""},
	{"orderan", "saya orderan kemarin belum sampai", ""},
	{"reseller", "saya reseller", ""},
	{"lagi di jalan", "saya lagi di jalan", ""},
	{"slang abbreviations", "saya mw psn 2", ""},
	{"sy tny", "sy tny kak", ""},
	{"ijin", "sy ijin tanya", ""},
	{"oke kak", "saya oke kak", ""},
	{"baik kak", "saya baik kak", ""},
	{"derived verb me-", "saya mencari baju", ""},
	{"derived verb ber-", "saya berminat kak", ""},
	{"derived noun -nya", "saya pengirimannya kapan?", ""},
	{"derived ke-an", "saya kehabisan ya?", ""},
	{"Ibu rumah tangga", "saya Ibu rumah tangga", ""},
	{"ibu dari", "saya ibu dari Rina", ""},
	{"mother by her child's name", "saya bunda Andi", ""},
	{"mamanya", "saya mamanya Rina", ""},
	{"suami", "saya suami Ratna", ""},
	{"istri of someone", "saya istri Pak Budi", ""},
	{"gw in lower case", "gw budi", ""},
	{"gue mau", "gue mau order", ""},
	{"saya not at the start of its clause", "kemarin saya Budi", ""},
	{"saya as an object", "tolong kirim ke saya Budi", ""},
	{"saya dengan", "Selamat siang, saya dengan Pak Joko", ""},
	{"dr is dari", "saya dr jakarta", ""},
	{"dr without a period", "saya dr Budi", ""},
	{"ambiguous word in lower case", "saya bagus kok", ""},
	{"ambiguous word in a careful message", "Saya sabar menunggu", ""},
	{"capitalised word then a stop word", "saya Yoga setiap pagi", ""},
	{"too many words", "saya Budi Santoso Wijaya Kusuma Atmaja", ""},
	{"place", "saya Jakarta Selatan", ""},
	{"orang", "saya asli Padang", ""},
	{"size", "saya XL", ""},
	{"single letter size", "saya pakai L", ""},
	{"colour", "saya pilih hitam", ""},
	{"acronym", "saya COD ya", ""},
	{"bank", "saya BCA ya", ""},
	{"Title Case sentence", "Saya Mau Pesan Kak", ""},
	{"pesan atas nama", "saya pesan atas nama Rina", ""},
	{"atas nama alone", "atas nama Budi", ""},
	{"two different names", "saya Budi, ini dengan Ani", ""},
	{"laughter", "hahaha saya wkwkwk", ""},
	{"stretched letters", "saya siaaap kak", ""},
	{"emoji only", "👍", ""},
	{"emoji before the name", "saya 🙏 Budi", ""},
	{"empty", "", ""},
	{"blanks", " \t\n ", ""},
	{"saya alone", "saya", ""},
	{"nama saya alone", "nama saya", ""},
	{"age", "saya 25 tahun", ""},
	{"Sundanese teh as a filler", "saya teh bingung", ""},
	{"bu RT", "saya Bu RT", ""},
	{"pak haji", "saya pak haji", ""},
	{"ini dengan a product", "ini dengan bonus?", ""},

	// Not names: strong patterns.
	{"nama saya?", "nama saya?", ""},
	{"nama saya bukan", "nama saya bukan Budi", ""},
	{"nama saya salah", "nama saya salah tulis kak", ""},
	{"nama saya terdaftar", "nama saya sudah terdaftar", ""},
	{"nama saya tertera", "nama saya tertera di resi", ""},
	{"nama saya di", "nama saya di aplikasi beda", ""},
	{"digits in the name", "nama saya budi123", ""},
	{"phone number", "nama saya 08123456789", ""},
	{"e-mail address", "nama saya budi@gmail.com", ""},
	{"URL", "saya https://tokobudi.com", ""},
	{"bare domain", "saya tokobudi.com", ""},
	{"namaku gak penting", "namaku gak penting", ""},
	{"form with a dash", "nama: -", ""},
	{"form for the recipient", "Nama penerima: Budi\nAlamat: Solo", ""},
	{"form for a product", "nama produk: gamis", ""},
	{"panggil kurir", "tolong panggil kurir", ""},
	{"panggil aja kurirnya", "panggil aja kurirnya", ""},
	{"panggil kapan saja", "panggil saya kapan saja", ""},
	{"dipanggil kurir", "saya dipanggil kurir tadi", ""},
	{"perkenalkan a product", "perkenalkan produk baru kami", ""},
	{"perkenalkan a brand", "Perkenalkan Glowskin!", ""},
	{"kenalin aku", "kenalin aku dong", ""},
	{"dengan siapa di sini", "dengan siapa di sini?", ""},
	{"dengan gopay di sini", "bayar dengan gopay di sini", ""},
	{"question for the name", "siapa nama kakak?", ""},
	{"my name is not", "my name is not important", ""},
	{"my name is missing", "My name is missing from the list", ""},
	{"my name is spelled", "My name is spelled wrong", ""},
	{"call me tomorrow", "call me tomorrow", ""},
	{"call me back", "Call me back asap", ""},
	{"call me at a number", "call me at 0812345678", ""},
	{"call me?", "can you call me?", ""},
	{"call me maybe", "call me maybe", ""},
	{"it's me", "it's me", ""},
	{"it's here", "it's here", ""},

	// Not names: English weak patterns.
	{"I'm interested", "I'm interested", ""},
	{"im fine", "im fine", ""},
	{"I'm looking", "I'm looking for a dress", ""},
	{"I'm still", "I'm still waiting", ""},
	{"I'm in a place", "I'm in Bali now", ""},
	{"possessive", "I'm Budi's wife", ""},
	{"I am a customer", "I am a customer", ""},
	{"nationality", "I am Indonesian", ""},
	{"I'm happy, lower case", "I'm happy with it", ""},
	{"I'm Will, a common word", "Hi, I'm Will", ""},
	{"I'm the one", "I'm the one who ordered", ""},
	{"this is urgent", "this is urgent", ""},
	{"this is amazing", "This is amazing", ""},
	{"this is ridiculous", "this is ridiculous", ""},
	{"this is my order", "this is my order", ""},
	{"this is a brand", "this is Shopee", ""},
	{"this is someone's number", "this is Budi's number", ""},
	{"what's your name", "what's your name?", ""},
}

func TestDetect(t *testing.T) {
	for _, tt := range detectTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names.Detect(tt.in); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q (%+v)", tt.in, got, tt.want, names.DetectDetail(tt.in))
			}
		})
	}
	if len(detectTests) < 80 {
		t.Errorf("%d cases, want at least 80", len(detectTests))
	}
}

func TestDetectDetail(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want names.Result
	}{
		{"nama saya", "nama saya Wati", names.Result{Name: "Wati", Pattern: "nama saya"}},
		{"nama lengkap saya", "nama lengkap saya Ahmad Fauzi", names.Result{Name: "Ahmad Fauzi", Pattern: "nama saya"}},
		{"form", "Nama: Dian", names.Result{Name: "Dian", Pattern: "nama:"}},
		{"saya Bu", "saya Bu Ratna", names.Result{Name: "Ratna", Pattern: "saya", Honorific: "Bu"}},
		{"title in caps", "SAYA PAK HARUN", names.Result{Name: "Harun", Pattern: "saya", Honorific: "Pak"}},
		{"two titles", "saya ibu hj. siti", names.Result{Name: "Siti", Pattern: "saya", Honorific: "Ibu Hj."}},
		{"perkenalkan, saya", "Perkenalkan, saya Reza", names.Result{Name: "Reza", Pattern: "perkenalkan, saya"}},
		{"dengan di sini", "dengan Fajar di sini", names.Result{Name: "Fajar", Pattern: "dengan … di sini"}},
		{"my name is", "my name is John", names.Result{Name: "John", Pattern: "my name is"}},
		{"I'm with Mrs", "I'm Mrs. Tan", names.Result{Name: "Tan", Pattern: "I'm", Honorific: "Mrs."}},
		{"call me", "call me Sam", names.Result{Name: "Sam", Pattern: "call me"}},
		{"strong beats weak", "saya Rani, nama lengkap saya Rani Putri", names.Result{Name: "Rani Putri", Pattern: "nama saya"}},
		{"no name", "saya mau pesan", names.Result{}},
		{"title without a name", "saya pak", names.Result{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names.DetectDetail(tt.in); got != tt.want {
				t.Errorf("DetectDetail(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// commonNames are frequent first names in Indonesia and a few English
// ones. None of them may be swallowed by a stop list.
var commonNames = []string{
	"Budi", "Agus", "Joko", "Slamet", "Rudi", "Hendra", "Andi", "Adi", "Dedi", "Eka",
	"Dwi", "Tri", "Putra", "Putri", "Kurnia", "Rahmat", "Hidayat", "Nur", "Siti", "Muhammad",
	"Ahmad", "Abdul", "Yusuf", "Ali", "Arif", "Indra", "Wayan", "Made", "Nyoman", "Ketut",
	"Kadek", "Komang", "Putu", "Gede", "Ayu", "Ratih", "Lina", "Nina", "Mega", "Maya",
	"Rina", "Yuni", "Yuli", "Sari", "Dewi", "Tuti", "Ani", "Fitri", "Rizky", "Hasan",
	"Bambang", "Heru", "Gita", "Citra", "Kartika", "Wahyu", "Ilham", "Galih", "Arya", "Bima",
	"Satria", "Pandu", "Guntur", "Surya", "Bintang", "Angga", "Yoga", "Dimas", "Bayu", "Rama",
	"Wawan", "Iwan", "Dani", "Doni", "Yanto", "Kevin", "Michael", "Maria", "Indah", "Intan",
	"Fajar", "Tari", "Wulan", "Endang", "Sri", "Eko", "Dian", "Gilang", "Reza", "Harun",
	"Kasmirah", "Ningsih", "Lestari", "Rahayu", "Susanti", "Dina", "Dini", "Nanda", "Dede", "Asep",
	"Cahya", "Anna", "Peter", "Linda", "Sam", "Emma", "Sarah", "John", "Carlos", "Lukman",
}

// TestCommonNames checks that common names are found after every pattern,
// written as a careful writer would.
func TestCommonNames(t *testing.T) {
	forms := []string{
		"nama saya %s", "Halo kak, saya %s, mau order", "aku %s kak", "Nama: %s",
		"Selamat pagi, saya Bu %s", "Hi, I'm %s", "My name is %s", "Hello, this is %s from Bandung",
	}
	for _, n := range commonNames {
		for _, f := range forms {
			in := strings.Replace(f, "%s", n, 1)
			if got := names.Detect(in); got != n {
				t.Errorf("Detect(%q) = %q, want %q", in, got, n)
			}
		}
	}
}

// sharedTestdata returns the path of the shared test data.
func sharedTestdata(t *testing.T) string { return fixtures.Shared(t) }

type fixtureRow struct {
	line     int
	in, want string
}

// readFixture reads names-id.tsv: message TAB expected name, "#" comments.
func readFixture(t *testing.T) []fixtureRow {
	t.Helper()
	path := filepath.Join(sharedTestdata(t), "names-id.tsv")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && os.Getenv("CI") == "" {
		t.Skipf("fixture %s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var rows []fixtureRow
	for i, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(want, "\t") {
			t.Fatalf("%s:%d: want 2 tab-separated columns", path, i+1)
		}
		rows = append(rows, fixtureRow{i + 1, in, want})
	}
	if len(rows) < 50 {
		t.Fatalf("read %d rows of %s, want at least 50", len(rows), path)
	}
	return rows
}

// TestFixtureNamesID checks every row of shared/testdata/names-id.tsv.
func TestFixtureNamesID(t *testing.T) {
	for _, r := range readFixture(t) {
		t.Run(r.in, func(t *testing.T) {
			if got := names.Detect(r.in); got != r.want {
				t.Errorf("line %d: Detect(%q) = %q, want %q", r.line, r.in, got, r.want)
			}
		})
	}
}

// TestPrecisionRecall logs precision and recall over the fixture and the
// table above, and holds precision at 100%: a wrong name is the worst
// outcome.
func TestPrecisionRecall(t *testing.T) {
	type count struct{ right, wrong, missed, total int }
	score := func(c *count, want, got string) {
		switch {
		case got == "" && want == "":
		case got == "":
			c.missed++
		case got == want:
			c.right++
		default:
			c.wrong++
		}
		if want != "" {
			c.total++
		}
	}
	var fixture, table count
	for _, r := range readFixture(t) {
		score(&fixture, r.want, names.Detect(r.in))
	}
	for _, tt := range detectTests {
		score(&table, tt.want, names.Detect(tt.in))
	}
	for _, c := range []struct {
		name string
		count
	}{{"names-id.tsv", fixture}, {"detectTests", table}} {
		precision := 1.0
		if n := c.right + c.wrong; n > 0 {
			precision = float64(c.right) / float64(n)
		}
		recall := float64(c.right) / float64(c.total)
		t.Logf("%s: precision %.3f, recall %.3f (%d right, %d wrong, %d missed of %d names)",
			c.name, precision, recall, c.right, c.wrong, c.missed, c.total)
		if c.wrong > 0 {
			t.Errorf("%s: %d wrong names", c.name, c.wrong)
		}
	}
}
