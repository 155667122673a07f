package inbound_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"kontak/backend/fixtures"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kontak/backend/apperr"
	"kontak/backend/inbound"
)

// The -update flag rewrites the golden files under testdata. It is registered only when no
// other test file of the package has done so, so that another golden test can share it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// chatFixtures returns the folder of the shared WhatsApp chat exports.
func chatFixtures(t *testing.T) string { return fixtures.Shared(t, "peers", "whatsapp") }

// TestChatExportGolden reads every file of the shared WhatsApp fixtures, the expected
// outputs of the projects they come from included (which must be refused), and compares
// the result with testdata/chatexport/<fixture path>.golden. Run with -update to rewrite
// the files after a deliberate change, and read the diff.
func TestChatExportGolden(t *testing.T) {
	root := chatFixtures(t)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.EqualFold(filepath.Ext(path), ".md") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("found %d fixtures, want the 20 or more of the shared set", len(files))
	}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
				t.Skip("not a text file")
			}
			got := describeChat(bytes.NewReader(data))
			golden := filepath.Join("testdata", "chatexport", filepath.FromSlash(rel)+".golden")
			if updatingGolden() {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", rel, golden, chatLineDiff(string(want), got))
			}
		})
	}
}

// describeChat reads an export with times in UTC and writes what was detected and every
// message as stable text, or the error code and its parameters.
func describeChat(r *bytes.Reader) string {
	var b strings.Builder
	ce, err := inbound.ReadChatExportIn(r, time.UTC)
	if err != nil {
		writeChatErr(&b, err)
		return b.String()
	}
	fmt.Fprintf(&b, "layout: %s\n", ce.Layout)
	fmt.Fprintf(&b, "date order: %s\n", ce.DateOrder)
	fmt.Fprintf(&b, "group: %t\n", ce.Group)
	fmt.Fprintf(&b, "skipped: %d\n", ce.Skipped)
	fmt.Fprintf(&b, "messages: %d\n", len(ce.Messages))
	for _, m := range ce.Messages {
		fmt.Fprintf(&b, "  line %d %s from %q name %q text %q", m.Line, chatTime(m.Time), m.From, m.PushName, m.Text)
		if m.Source != inbound.SourceChatExport || m.Group != ce.Group {
			fmt.Fprintf(&b, " source %q group %t", m.Source, m.Group)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func chatTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func writeChatErr(b *strings.Builder, err error) { fixtures.WriteError(b, err) }

func chatLineDiff(want, got string) string { return fixtures.Diff(want, got) }

// chatRow is a message reduced to what chat-miner's expected outputs hold: the wall-clock
// time, the sender as written, and the text with its line breaks and blanks collapsed,
// since chat-miner joins lines with a space and normalises no-break spaces.
type chatRow struct{ time, author, text string }

func chatRows(t *testing.T, path string) []chatRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ce, err := inbound.ReadChatExportIn(f, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var rows []chatRow
	for _, m := range ce.Messages {
		author := m.PushName + m.From
		rows = append(rows, chatRow{m.Time.Format("2006-01-02 15:04:05"), author, strings.Join(strings.Fields(m.Text), " ")})
	}
	return rows
}

func sortChatRows(rows []chatRow) {
	slices.SortFunc(rows, func(a, b chatRow) int {
		return strings.Compare(a.time+a.author+a.text, b.time+b.author+b.text)
	})
}

// TestChatExportMatchesChatMiner checks the reader against the expected outputs that
// chat-miner ships with its test chats (chat-miner/SOURCE.md): every current test file
// must give the six messages of target.json, and each older one the non-system rows of its
// _target.csv. chat-miner keeps "John Doe:." as a message ("<Disappearing Message>" in the
// older targets); Kontak reads it as a system line because WhatsApp always writes ": "
// after a sender.
func TestChatExportMatchesChatMiner(t *testing.T) {
	root := filepath.Join(chatFixtures(t), "chat-miner")
	data, err := os.ReadFile(filepath.Join(root, "target.json"))
	if err != nil {
		t.Fatal(err)
	}
	var target []struct{ Timestamp, Author, Message string }
	if err := json.Unmarshal(data, &target); err != nil {
		t.Fatal(err)
	}
	var want []chatRow
	for _, r := range target {
		want = append(want, chatRow{strings.Replace(r.Timestamp, "T", " ", 1), r.Author, r.Message})
	}
	sortChatRows(want)
	current, _ := filepath.Glob(filepath.Join(root, "test_*.txt"))
	if len(current) != 5 {
		t.Fatalf("found %d current chat-miner files, want 5", len(current))
	}
	for _, path := range current {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := chatRows(t, path)
			sortChatRows(got)
			if !slices.Equal(got, want) {
				t.Errorf("messages differ from target.json:\n got %q\nwant %q", got, want)
			}
		})
	}
	older, _ := filepath.Glob(filepath.Join(root, "older-2023", "*_target.csv"))
	if len(older) != 7 {
		t.Fatalf("found %d older chat-miner targets, want 7", len(older))
	}
	for _, target := range older {
		txt := strings.TrimSuffix(target, "_target.csv") + ".txt"
		t.Run(filepath.Base(txt), func(t *testing.T) {
			f, err := os.Open(target)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			records, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var want []chatRow
			for _, r := range records[1:] { // timestamp,author,message,…
				if r[1] == "System" || r[2] == "<Disappearing Message>" {
					continue
				}
				want = append(want, chatRow{r[0], r[1], r[2]})
			}
			got := chatRows(t, txt)
			sortChatRows(got)
			sortChatRows(want)
			if !slices.Equal(got, want) {
				t.Errorf("messages differ from %s:\n got %q\nwant %q", filepath.Base(target), got, want)
			}
		})
	}
}

// chatWant is one expected message: line, time in UTC ("" for none), from, name, text.
type chatWant struct {
	line             int
	time             string
	from, name, text string
}

func TestReadChatExport(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		layout    string
		order     string
		group     bool
		skipped   int
		want      []chatWant
		wantError string // an error code instead of a result
	}{
		{
			name:   "Indonesian Android with a dot in the time",
			in:     "31/12/20 21.41 - Budi: halo kak\n01/01/21 08.05 - Toko Rina: iya kak, ada yang bisa dibantu?\n",
			layout: "android", order: "dmy",
			want: []chatWant{
				{1, "2020-12-31T21:41:00Z", "", "Budi", "halo kak"},
				{2, "2021-01-01T08:05:00Z", "", "Toko Rina", "iya kak, ada yang bisa dibantu?"},
			},
		},
		{
			name:   "Indonesian Android with a four-digit year",
			in:     "31/12/2020 21.41 - Budi: halo\n",
			layout: "android", order: "dmy",
			want: []chatWant{{1, "2020-12-31T21:41:00Z", "", "Budi", "halo"}},
		},
		{
			name: "Indonesian iOS with seconds, marks and an encryption notice under the chat's name",
			in: "[31/12/20 21.41.05] Toko Rina: \u200ePesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini yang dapat membacanya.\n" +
				"\u200e[31/12/20 21.42.00] \u202a+62 812-3456-7890\u202c: \u200e<terlampir: 00000012-PHOTO-2020-12-31-21-42-00.jpg>\n" +
				"[31/12/20 21.43.10] \u202a+62 812-3456-7890\u202c: harga paketnya berapa?\n",
			layout: "ios", order: "dmy", skipped: 1,
			want: []chatWant{
				{2, "2020-12-31T21:42:00Z", "+62 812-3456-7890", "", "<terlampir: 00000012-PHOTO-2020-12-31-21-42-00.jpg>"},
				{3, "2020-12-31T21:43:10Z", "+62 812-3456-7890", "", "harga paketnya berapa?"},
			},
		},
		{
			name:   "Indonesian iOS with a comma in the stamp",
			in:     "[28/04/26, 16.31.34] Budi: siang kak\n",
			layout: "ios", order: "dmy",
			want: []chatWant{{1, "2026-04-28T16:31:34Z", "", "Budi", "siang kak"}},
		},
		{
			name: "English Android 12-hour with a narrow no-break space before PM",
			in: "12/31/20, 9:41\u202fPM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n" +
				"12/31/20, 9:42\u202fPM - John: Hi, how much?\n" +
				"1/1/21, 12:05\u202fAM - John: hello?\n",
			layout: "android", order: "mdy", skipped: 1,
			want: []chatWant{
				{2, "2020-12-31T21:42:00Z", "", "John", "Hi, how much?"},
				{3, "2021-01-01T00:05:00Z", "", "John", "hello?"},
			},
		},
		{
			name:   "no-break space before am and a 12 noon",
			in:     "05/06/21, 12:30\u00a0pm - Ana: lunch\n05/06/21, 7:02\u00a0am - Ana: pagi\n",
			layout: "android", order: "dmy",
			want: []chatWant{
				{1, "2021-06-05T12:30:00Z", "", "Ana", "lunch"},
				{2, "2021-06-05T07:02:00Z", "", "Ana", "pagi"},
			},
		},
		{
			name:   "byte-order mark, CRLF and a multi-line message",
			in:     "\uFEFF01/02/21 10.00 - Budi: baris satu\r\nbaris dua\r\n\r\nbaris empat\r\n01/02/21 10.01 - Budi: ok\r\n",
			layout: "android", order: "dmy",
			want: []chatWant{
				{1, "2021-02-01T10:00:00Z", "", "Budi", "baris satu\nbaris dua\n\nbaris empat"},
				{5, "2021-02-01T10:01:00Z", "", "Budi", "ok"},
			},
		},
		{
			name: "group system lines in Indonesian and English are skipped and make it a group",
			in: "10/03/22 09.00 - Anda membuat grup \"Reseller: Jakarta\"\n" +
				"10/03/22 09.01 - Anda menambahkan +62 811-1111-2222\n" +
				"10/03/22 09.02 - \u202a+62 811-1111-2222\u202c: nama saya Rina\n" +
				"10/03/22 09.03 - Budi added Ani\n" +
				"10/03/22 09.04 - Budi changed the subject from \"Promo: Mei\" to \"Promo: Juni\"\n",
			layout: "android", order: "dmy", group: true, skipped: 4,
			want: []chatWant{{3, "2022-03-10T09:02:00Z", "+62 811-1111-2222", "", "nama saya Rina"}},
		},
		{
			name: "media placeholders are kept, deleted messages are not",
			in: "10/03/22 09.00 - Budi: <Media tidak disertakan>\n" +
				"10/03/22 09.01 - Budi: <Media omitted>\n" +
				"10/03/22 09.02 - Budi: Pesan ini telah dihapus\n" +
				"10/03/22 09.03 - Budi: This message was deleted\n" +
				"10/03/22 09.04 - Budi: null\n",
			layout: "android", order: "dmy", skipped: 3,
			want: []chatWant{
				{1, "2022-03-10T09:00:00Z", "", "Budi", "<Media tidak disertakan>"},
				{2, "2022-03-10T09:01:00Z", "", "Budi", "<Media omitted>"},
			},
		},
		{
			name: "iOS generated lines: missed call and deleted message are skipped, attachments kept",
			in: "[3/10/22, 9:00:00 AM] Budi: \u200eMissed voice call\n" +
				"[3/10/22, 9:01:00 AM] Budi: \u200eThis message was deleted.\n" +
				"\u200e[3/10/22, 9:02:00 AM] Budi: \u200eimage omitted\n" +
				"\u200e[3/10/22, 9:03:00 AM] Budi: \u200ekatalog.pdf \u2022 3 pages \u200edocument omitted\n" +
				"[3/15/22, 9:04:00 AM] Budi: ok\n",
			layout: "ios", order: "mdy", skipped: 2,
			want: []chatWant{
				{3, "2022-03-10T09:02:00Z", "", "Budi", "image omitted"},
				{4, "2022-03-10T09:03:00Z", "", "Budi", "katalog.pdf \u2022 3 pages \u200edocument omitted"},
				{5, "2022-03-15T09:04:00Z", "", "Budi", "ok"},
			},
		},
		{
			name: "edited marks are removed",
			in: "10/03/22 09.00 - Budi: harga <Pesan ini diedit>\n" +
				"[10/03/22 09.01.00] Budi: price \u200e<This message was edited>\n",
			layout: "android", order: "dmy",
			want: []chatWant{
				{1, "2022-03-10T09:00:00Z", "", "Budi", "harga"},
				{2, "2022-03-10T09:01:00Z", "", "Budi", "price"},
			},
		},
		{
			name:   "a day above 12 anywhere proves day-first",
			in:     "01/02/21 10.00 - Budi: a\n13/02/21 10.00 - Budi: b\n",
			layout: "android", order: "dmy",
			want: []chatWant{
				{1, "2021-02-01T10:00:00Z", "", "Budi", "a"},
				{2, "2021-02-13T10:00:00Z", "", "Budi", "b"},
			},
		},
		{
			name:   "a second number above 12 proves month-first, even on a system line",
			in:     "01/02/21, 10:00 - Budi: a\n01/13/21, 10:00 - You were added\n",
			layout: "android", order: "mdy", skipped: 1,
			want: []chatWant{{1, "2021-01-02T10:00:00Z", "", "Budi", "a"}},
		},
		{
			name:   "disagreeing lines: the order that fits the most lines wins, the others have no time",
			in:     "13/01/21 10.00 - Budi: a\n01/14/21 10.00 - Budi: b\n01/15/21 10.00 - Budi: c\n",
			layout: "android", order: "mdy",
			want: []chatWant{
				{1, "", "", "Budi", "a"},
				{2, "2021-01-14T10:00:00Z", "", "Budi", "b"},
				{3, "2021-01-15T10:00:00Z", "", "Budi", "c"},
			},
		},
		{
			name:   "year first",
			in:     "[2021/02/03 10:00:00] Budi: a\n2021-02-04, 1:00 p. m. - Budi: b\n",
			layout: "android", order: "ymd",
			want: []chatWant{
				{1, "2021-02-03T10:00:00Z", "", "Budi", "a"},
				{2, "2021-02-04T13:00:00Z", "", "Budi", "b"},
			},
		},
		{
			name:   "an impossible date or time has no time",
			in:     "31/02/21 10.00 - Budi: a\n28/02/21 25.00 - Budi: b\n",
			layout: "android", order: "dmy",
			want: []chatWant{{1, "", "", "Budi", "a"}, {2, "", "", "Budi", "b"}},
		},
		{
			name: "senders: phone numbers go to From, names and short numbers to the name",
			in: "01/02/21 10.00 - +62 812-3456-7890: a\n" +
				"01/02/21 10.01 - \u2068+1 (415) 555-2671\u2069: b\n" +
				"01/02/21 10.02 - 112: c\n" +
				"01/02/21 10.03 - Budi 2: d\n" +
				"01/02/21 10.04 - \U0001F913: e\n",
			layout: "android", order: "dmy", group: true,
			want: []chatWant{
				{1, "2021-02-01T10:00:00Z", "+62 812-3456-7890", "", "a"},
				{2, "2021-02-01T10:01:00Z", "+1 (415) 555-2671", "", "b"},
				{3, "2021-02-01T10:02:00Z", "", "112", "c"},
				{4, "2021-02-01T10:03:00Z", "", "Budi 2", "d"},
				{5, "2021-02-01T10:04:00Z", "", "\U0001F913", "e"},
			},
		},
		{
			name: "colons in the text, a sender without a space after the colon, an empty message",
			in: "01/02/21 10.00 - Budi: jam: 10.00 ok\n" +
				"01/02/21 10.01 - John Doe:.\n" +
				"01/02/21 10.02 - Budi:\n" +
				"pesan di baris berikutnya\n" +
				"01/02/21 10.03 - Budi: \n",
			layout: "android", order: "dmy", skipped: 2,
			want: []chatWant{
				{1, "2021-02-01T10:00:00Z", "", "Budi", "jam: 10.00 ok"},
				{3, "2021-02-01T10:02:00Z", "", "Budi", "pesan di baris berikutnya"},
			},
		},
		{
			name: "text before the first message and after a system line",
			in: "Chat WhatsApp dengan Budi\n" +
				"01/02/21 10.00 - Budi mengubah deskripsi grup\n" +
				"Deskripsi baru: promo\n" +
				"01/02/21 10.01 - Budi: ok\n",
			layout: "android", order: "dmy", group: true, skipped: 2,
			want: []chatWant{{4, "2021-02-01T10:01:00Z", "", "Budi", "ok"}},
		},
		{
			name:   "a continuation line that looks like a number is not a stamp",
			in:     "01/02/21 10.00 - Budi: alamat:\n12/3/456 10.00 - blok C\n",
			layout: "android", order: "dmy",
			want: []chatWant{{1, "2021-02-01T10:00:00Z", "", "Budi", "alamat:\n12/3/456 10.00 - blok C"}},
		},
		{
			name:   "only system lines",
			in:     "01/02/21 10.00 - Pesan dan panggilan terenkripsi secara end-to-end.\n",
			layout: "android", order: "dmy", skipped: 1,
		},
		{name: "empty file", in: "", wantError: inbound.CodeChatFileEmpty},
		{name: "blank lines and a byte-order mark", in: "\uFEFF\r\n  \n\t\n", wantError: inbound.CodeChatFileEmpty},
		{name: "a CSV", in: "name,phone\nBudi,0812\n", wantError: inbound.CodeChatFileUnrecognized},
		{name: "a date without a time", in: "01/02/21 - Budi: halo\n", wantError: inbound.CodeChatFileUnrecognized},
		{name: "an unclosed bracket", in: "[01/02/21 10.00 Budi: halo\n", wantError: inbound.CodeChatFileUnrecognized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := inbound.ReadChatExportIn(strings.NewReader(tt.in), time.UTC)
			if tt.wantError != "" {
				var e *apperr.Error
				if !errors.As(err, &e) || e.Kind != apperr.Invalid || e.Code != tt.wantError {
					t.Fatalf("error = %v, want Invalid %s", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Layout != tt.layout || got.DateOrder != tt.order || got.Group != tt.group || got.Skipped != tt.skipped {
				t.Errorf("layout %s, order %s, group %t, skipped %d; want %s, %s, %t, %d",
					got.Layout, got.DateOrder, got.Group, got.Skipped, tt.layout, tt.order, tt.group, tt.skipped)
			}
			var gotMsgs []chatWant
			for _, m := range got.Messages {
				ts := ""
				if !m.Time.IsZero() {
					ts = m.Time.Format(time.RFC3339)
				}
				gotMsgs = append(gotMsgs, chatWant{m.Line, ts, m.From, m.PushName, m.Text})
				if m.Source != inbound.SourceChatExport || m.Group != tt.group {
					t.Errorf("line %d: source %q group %t, want %q %t", m.Line, m.Source, m.Group, inbound.SourceChatExport, tt.group)
				}
			}
			if !slices.Equal(gotMsgs, tt.want) {
				t.Errorf("messages:\n got %+v\nwant %+v", gotMsgs, tt.want)
			}
		})
	}
}

func TestReadChatExportLineTooLong(t *testing.T) {
	in := "01/02/21 10.00 - Budi: halo\n01/02/21 10.01 - Budi: " + strings.Repeat("x", 1<<20) + "\n"
	_, err := inbound.ReadChatExportIn(strings.NewReader(in), time.UTC)
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != inbound.CodeChatFileLineTooLong || e.Params["line"] != "2" {
		t.Fatalf("error = %#v, want %s on line 2", err, inbound.CodeChatFileLineTooLong)
	}
}

// TestReadChatExportLocal checks that the zone-less times of a file are read as local time
// when no zone is given.
func TestReadChatExportLocal(t *testing.T) {
	got, err := inbound.ReadChatExport(strings.NewReader("31/12/20 21.41 - Budi: halo\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2020, 12, 31, 21, 41, 0, 0, time.Local)
	if len(got.Messages) != 1 || !got.Messages[0].Time.Equal(want) || got.Messages[0].Time.Location() != time.Local {
		t.Errorf("got %+v, want one message at %v", got.Messages, want)
	}
}

func TestMediaPlaceholder(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"<Media omitted>", true},
		{"<Media tidak disertakan>", true},
		{"\u200e<attached: 00000012-PHOTO-2020-12-31-21-41-05.jpg>", true},
		{"<terlampir: 00000006-katalog.pdf>", true},
		{"IMG-20260706-WA0007.jpg (file terlampir)", true},
		{"katalog.pdf (file attached)", true},
		{"\u200eimage omitted", true},
		{"sticker omitted", true},
		{"gambar tidak disertakan", true},
		{"katalog.pdf \u2022 3 halaman dokumen tidak disertakan", true},
		{"harga berapa?", false},
		{"image", false},
		{"nothing omitted", false},
		{"ongkir tidak disertakan", false},
		{"IMG-20260706-WA0007.jpg (file terlampir)\nharga berapa?", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := inbound.MediaPlaceholder(tt.text); got != tt.want {
				t.Errorf("MediaPlaceholder(%q) = %t, want %t", tt.text, got, tt.want)
			}
		})
	}
}

func TestSniffChatExport(t *testing.T) {
	cases := []struct {
		name, text string
		want       bool
	}{
		{"android", "12/01/2024 09.15 - Budi: halo\n", true},
		{"ios with marks", "\u200e[12/01/24 09.15.22] Budi: halo\n", true},
		{"blank lines first", "\n\n2016-04-15, 3:04 PM - You created group “Sample Group”\n", true},
		{"csv", "name,phone\nBudi,0812\n", false},
		{"csv with a date first", "12/01/2024 09:15,Budi,0812\n", false},
		{"empty", "", false},
		{"text", "hello\nworld\nthis\n12/01/2024 09.15 - Budi: late\n", false},
	}
	for _, c := range cases {
		if got := inbound.SniffChatExport(strings.NewReader(c.text)); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// Every shared chat export that ReadChatExport reads is also recognised by its start.
func TestSniffRecognisesEveryFixture(t *testing.T) {
	root := chatFixtures(t)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, rerr := inbound.ReadChatExport(f); rerr != nil {
			return nil
		}
		if _, err := f.Seek(0, 0); err != nil {
			return err
		}
		if !inbound.SniffChatExport(f) {
			t.Errorf("%s: not recognised as a chat export", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
