package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/importer"
	"kontak/backend/phone"
	"kontak/backend/store"
)

type rules struct{ n *phone.Normalizer }

func (r rules) Normalizer() *phone.Normalizer { return r.n }

// world is a database with the contact and import services on it, in a temp folder.
type world struct {
	t   *testing.T
	dir string
	db  *store.DB
	svc *contacts.Service
	imp *importer.Service
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{t: t, dir: t.TempDir()}
	w.open()
	t.Cleanup(func() { w.db.Close() })
	return w
}

func (w *world) open() {
	w.t.Helper()
	db, err := store.Open(filepath.Join(w.dir, "db"), store.Options{})
	if err != nil {
		w.t.Fatal(err)
	}
	n, _ := phone.New("ID")
	svc, err := contacts.New(db, rules{n}, contacts.Options{})
	if err != nil {
		w.t.Fatal(err)
	}
	imp, err := importer.New(importer.Config{DB: db, Contacts: svc, Phones: rules{n}, Dir: filepath.Join(w.dir, "imports"),
		Now: func() time.Time { return time.UnixMilli(1_700_000_000_000) }})
	if err != nil {
		w.t.Fatal(err)
	}
	w.db, w.svc, w.imp = db, svc, imp
}

func (w *world) reopen() {
	w.t.Helper()
	w.db.Close()
	w.open()
}

func (w *world) file(name, content string) string {
	w.t.Helper()
	p := filepath.Join(w.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
	return p
}

// contacts lists every contact as "name|phone|email|groups|fields" lines, sorted.
func (w *world) contacts() []string {
	w.t.Helper()
	page, err := w.svc.Contacts().List(contacts.Query{Limit: contacts.MaxPageSize})
	if err != nil {
		w.t.Fatal(err)
	}
	names := map[uint64]string{}
	gs, _ := w.svc.Groups().List()
	for _, g := range gs {
		names[g.ID] = g.Name
	}
	out := []string{}
	for _, c := range page.Items {
		var groups, fields []string
		for _, g := range c.GroupIDs {
			groups = append(groups, names[g])
		}
		for _, f := range c.Fields {
			fields = append(fields, f.Key+"="+f.Value)
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s", c.Name, c.Phone, c.Email, strings.Join(groups, ","), strings.Join(fields, ",")))
	}
	slices.Sort(out)
	return out
}

func (w *world) groups() []string {
	gs, _ := w.svc.Groups().List()
	out := []string{}
	for _, g := range gs {
		out = append(out, fmt.Sprintf("%s:%d", g.Name, g.Members))
	}
	return out
}

const semicolonCSV = "\ufeffNama;No HP;Email;Kota\r\n" +
	"\"Santoso; Budi\";0812-3456-7890;budi@example.co.id;Medan\r\n" +
	"Ani;+62 813 1111 2222;;Bandung\r\n" +
	"Budi lagi;081234567890;;\r\n" +
	"Salah;12;;\r\n" +
	"Rusak;6.28123E+11;;\r\n" +
	"Kosong;;;\r\n"

func TestImportCountsProblemsAndGroups(t *testing.T) {
	w := newWorld(t)
	path := w.file("pelanggan.csv", semicolonCSV)
	opts := importer.Options{Path: path, NewGroups: []string{"Pelanggan"}}

	pre, err := w.imp.Preview(opts)
	if err != nil {
		t.Fatalf("Preview: %v", err)
	}
	want := importer.Counts{Read: 6, Created: 2, Duplicates: 1, Invalid: 1, Lossy: 1, Empty: 1}
	if pre.Counts != want {
		t.Errorf("preview counts: got %+v, want %+v", pre.Counts, want)
	}
	if got := w.contacts(); len(got) != 0 {
		t.Fatalf("a preview wrote contacts: %v", got)
	}

	rep, err := w.imp.Run(context.Background(), opts, nil)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.Counts != want || rep.State != "done" || rep.Rejected != 4 {
		t.Errorf("report: got state %s counts %+v rejected %d, want done %+v 4", rep.State, rep.Counts, rep.Rejected, want)
	}
	var problems []string
	for _, p := range rep.Problems {
		problems = append(problems, fmt.Sprintf("%d:%s:%s:%d", p.Row, p.Outcome, p.Reason, p.DuplicateOf))
	}
	wantProblems := []string{"4:duplicate:duplicate:2", "5:invalid:too-short:0", "6:lossy:digits-lost:0", "7:empty:empty:0"}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems: got %v, want %v", problems, wantProblems)
	}
	wantContacts := []string{
		"Ani|6281311112222||Pelanggan|Kota=Bandung",
		"Santoso; Budi|6281234567890|budi@example.co.id|Pelanggan|Kota=Medan",
	}
	if got := w.contacts(); !reflect.DeepEqual(got, wantContacts) {
		t.Errorf("contacts:\n got %q\nwant %q", got, wantContacts)
	}

	saved := filepath.Join(w.dir, "rejected.csv")
	n, err := w.imp.SaveRejected(rep.ImportID, saved)
	if err != nil || n != 4 {
		t.Fatalf("SaveRejected: %d, %v", n, err)
	}
	b, _ := os.ReadFile(saved)
	if !strings.Contains(string(b), "duplicate of row 2") || !strings.Contains(string(b), "invalid: too-short") {
		t.Errorf("rejected rows file lacks reasons:\n%s", b)
	}

	hist, _ := w.imp.History()
	if len(hist) != 1 || hist[0].ImportID != rep.ImportID || hist[0].Created != 2 {
		t.Errorf("history: got %+v", hist)
	}
}

func TestExistingContacts(t *testing.T) {
	file := "Nama,HP,Email,Kota\nBudi Baru,0812-3456-7890,baru@example.com,Medan\n"
	tests := []struct {
		name         string
		existing     string
		replaceNames bool
		outcome      string
		want         string
	}{
		{"skip leaves fields alone", importer.ExistingSkip, false, "unchanged", "Budi|6281234567890|lama@example.com||Kota=Jakarta"},
		{"fill adds only missing fields", importer.ExistingFill, false, "update", "Budi|6281234567890|lama@example.com||Kota=Jakarta"},
		{"overwrite replaces fields", importer.ExistingOverwrite, false, "update", "Budi|6281234567890|baru@example.com||Kota=Medan"},
		{"overwrite with names", importer.ExistingOverwrite, true, "update", "Budi Baru|6281234567890|baru@example.com||Kota=Medan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			fields := []contacts.Field{{Key: "Kota", Value: "Jakarta"}}
			if tt.name == "fill adds only missing fields" {
				fields = nil
			}
			if _, err := w.svc.Contacts().Add(contacts.ContactInput{Name: "Budi", Phone: "+62 812 3456 7890", Email: "lama@example.com", Fields: fields}); err != nil {
				t.Fatal(err)
			}
			if fields == nil {
				tt.want = "Budi|6281234567890|lama@example.com||Kota=Medan"
			}
			opts := importer.Options{Path: w.file("a.csv", file), Existing: tt.existing, ReplaceNames: tt.replaceNames}
			pre, err := w.imp.Preview(opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := pre.Rows[0].Outcome; got != tt.outcome {
				t.Errorf("preview outcome: got %s, want %s", got, tt.outcome)
			}
			if pre.Rows[0].ExistingName != "Budi" {
				t.Errorf("preview existing name: got %q, want Budi", pre.Rows[0].ExistingName)
			}
			rep, err := w.imp.Run(context.Background(), opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Created != 0 {
				t.Errorf("created %d contacts for an existing phone", rep.Created)
			}
			if got := w.contacts(); len(got) != 1 || got[0] != tt.want {
				t.Errorf("after import: got %q, want %q", got, tt.want)
			}
			// Undo puts the contact back exactly as it was.
			if rep.Updated > 0 {
				if _, err := w.imp.Undo(rep.ImportID); err != nil {
					t.Fatal(err)
				}
				before := "Budi|6281234567890|lama@example.com||Kota=Jakarta"
				if fields == nil {
					before = "Budi|6281234567890|lama@example.com||"
				}
				if got := w.contacts(); got[0] != before {
					t.Errorf("after undo: got %q, want %q", got[0], before)
				}
			}
		})
	}
}

func TestUndoRemovesWhatTheImportAdded(t *testing.T) {
	w := newWorld(t)
	vip, _ := w.svc.Groups().Create(contacts.GroupInput{Name: "VIP"})
	old, _ := w.svc.Contacts().Add(contacts.ContactInput{Name: "Lama", Phone: "0811 1111 1111"})
	path := w.file("a.csv", "name,phone,group\nLama,0811-1111-1111,Arisan\nBaru,0822 2222 2222,Arisan; VIP\n")
	rep, err := w.imp.Run(context.Background(), importer.Options{Path: path, GroupIDs: []uint64{vip.ID}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Arisan:2", "VIP:2"}; !reflect.DeepEqual(w.groups(), want) {
		t.Errorf("groups after import: got %v, want %v", w.groups(), want)
	}
	res, err := w.imp.Undo(rep.ImportID)
	if err != nil {
		t.Fatalf("Undo: %v", err)
	}
	if res.Removed != 1 {
		t.Errorf("undo removed %d contacts, want 1", res.Removed)
	}
	if want := []string{"Lama|6281111111111|||"}; !reflect.DeepEqual(w.contacts(), want) {
		t.Errorf("contacts after undo: got %q, want %q", w.contacts(), want)
	}
	// Arisan came with the import and is empty again, so it goes; VIP stays.
	if want := []string{"VIP:0"}; !reflect.DeepEqual(w.groups(), want) {
		t.Errorf("groups after undo: got %v, want %v", w.groups(), want)
	}
	if _, err := w.svc.Contacts().Get(old.ID); err != nil {
		t.Errorf("the contact that existed before is gone: %v", err)
	}
	_, err = w.imp.Undo(rep.ImportID)
	if !apperr.Is(err, "import.not_undoable") {
		t.Errorf("second undo: got %v, want import.not_undoable", err)
	}
	// The index and the store agree after the undo.
	w.reopen()
	if want := []string{"Lama|6281111111111|||"}; !reflect.DeepEqual(w.contacts(), want) {
		t.Errorf("contacts after restart: got %q", w.contacts())
	}
}

// bigCSV writes n rows with distinct valid phones.
func bigCSV(w *world, n int, tail string) string {
	var b strings.Builder
	b.WriteString("name,phone\n")
	for i := range n {
		fmt.Fprintf(&b, "Orang %d,0812%08d\n", i, i)
	}
	b.WriteString(tail)
	return w.file("big.csv", b.String())
}

type cancelAfterFirst struct {
	once   sync.Once
	cancel context.CancelFunc
}

func (c *cancelAfterFirst) Report(p importer.ProgressInfo) {
	if p.Rows > 2000 {
		c.once.Do(c.cancel)
	}
}

func TestCancelRollsBack(t *testing.T) {
	w := newWorld(t)
	w.svc.Contacts().Add(contacts.ContactInput{Name: "Tetap", Phone: "0899 9999 9999"})
	path := bigCSV(w, 200_000, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rep, err := w.imp.Run(ctx, importer.Options{Path: path, NewGroups: []string{"Besar"}}, &cancelAfterFirst{cancel: cancel})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.State != "cancelled" {
		t.Fatalf("state: got %s, want cancelled", rep.State)
	}
	if got := w.contacts(); !reflect.DeepEqual(got, []string{"Tetap|6289999999999|||"}) {
		t.Errorf("after cancel %d contacts remain, want only the one from before", len(got))
	}
	if got := w.groups(); len(got) != 0 {
		t.Errorf("groups after cancel: got %v, want none", got)
	}
}

func TestAFailureMidFileRollsBack(t *testing.T) {
	w := newWorld(t)
	path := bigCSV(w, 3000, "Panjang,"+strings.Repeat("9", 2<<20)+"\n")
	_, err := w.imp.Run(context.Background(), importer.Options{Path: path}, nil)
	if !apperr.Is(err, importer.CodeLineTooLong) {
		t.Fatalf("got %v, want %s", err, importer.CodeLineTooLong)
	}
	if got := w.contacts(); len(got) != 0 {
		t.Errorf("a failed import left %d contacts", len(got))
	}
	hist, _ := w.imp.History()
	if len(hist) != 1 || hist[0].State != "failed" {
		t.Errorf("history after failure: %+v", hist)
	}
}

// TestAKilledImportIsRolledBackAtStart writes part of an import the way Run does, leaves
// its record "running" as a kill would, and checks that the next start removes it.
func TestAKilledImportIsRolledBackAtStart(t *testing.T) {
	w := newWorld(t)
	keep, _ := w.svc.Contacts().Add(contacts.ContactInput{Name: "Lama", Phone: "0811 1111 1111", Email: "lama@example.com"})
	const id = 77
	if err := w.db.Update(func(tx *store.Txn) error {
		return tx.PutImport(store.Import{ID: id, File: "x.csv", State: store.ImportRunning})
	}); err != nil {
		t.Fatal(err)
	}
	var step contacts.Steps
	gids, err := w.svc.EnsureGroups(id, &step, []string{"Setengah"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.ApplyImport(id, &step, []contacts.ImportRow{
		{Record: store.Contact{Name: "Baru", OriginalName: "Baru", Phone: "6282222222222"}, AddGroups: gids},
		{ExistingID: keep.ID, Record: store.Contact{Name: "Lama", OriginalName: "Lama", Phone: "6281111111111", Email: "ganti@example.com"}, AddGroups: gids},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.reopen() // as after a kill: New finds the import still running
	if want := []string{"Lama|6281111111111|lama@example.com||"}; !reflect.DeepEqual(w.contacts(), want) {
		t.Errorf("after restart: got %q, want %q", w.contacts(), want)
	}
	if got := w.groups(); len(got) != 0 {
		t.Errorf("groups after restart: %v", got)
	}
	rep, err := w.imp.Report(id)
	if err != nil || rep.State != "failed" || rep.Error != "interrupted" {
		t.Errorf("report of the killed import: %+v, %v", rep, err)
	}
}

func TestOnlyOneImportRuns(t *testing.T) {
	w := newWorld(t)
	path := bigCSV(w, 100_000, "")
	b := w.imp.Bound()
	if ok, err := b.Start(importer.Options{Path: path}); !ok || err != nil {
		t.Fatalf("first Start: %v %v", ok, err)
	}
	_, err := b.Start(importer.Options{Path: path})
	if !apperr.Is(err, "import.busy") {
		t.Errorf("second Start: got %v, want import.busy", err)
	}
	if ok, _ := b.Cancel(); !ok {
		t.Errorf("Cancel found no running import")
	}
	if running, _ := b.Running(); running {
		t.Errorf("an import still runs after Cancel returned")
	}
}

func TestBadOptions(t *testing.T) {
	w := newWorld(t)
	path := w.file("a.csv", "name,phone\nA,08123456789\n")
	tests := []struct {
		name string
		opts importer.Options
		code string
	}{
		{"no path", importer.Options{}, "import.file.unreadable"},
		{"missing file", importer.Options{Path: filepath.Join(w.dir, "nope.csv")}, "import.file.unreadable"},
		{"bad existing mode", importer.Options{Path: path, Existing: "merge"}, "import.options.invalid"},
		{"unknown target group", importer.Options{Path: path, GroupIDs: []uint64{404}}, "group.not_found"},
		{"mapping without phone", importer.Options{Path: path, Mapping: &importer.Mapping{Columns: []importer.ColumnMap{{Role: "name"}, {Role: "ignore"}}}}, "import.mapping.no_phone"},
		{"mapping of the wrong width", importer.Options{Path: path, Mapping: &importer.Mapping{Columns: []importer.ColumnMap{{Role: "phone"}}}}, "import.mapping.invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.imp.Run(context.Background(), tt.opts, nil)
			if !apperr.Is(err, tt.code) {
				t.Errorf("Run: got %v, want %s", err, tt.code)
			}
			if got := w.contacts(); len(got) != 0 {
				t.Errorf("a refused import wrote contacts")
			}
		})
	}
}

func TestMappingIsRemembered(t *testing.T) {
	w := newWorld(t)
	path := w.file("a.csv", "kolom1,kolom2\nAni,08123456789\n")
	info, err := w.imp.Inspect(path, importer.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Remembered {
		t.Errorf("a new header is marked remembered")
	}
	m := importer.Mapping{Columns: []importer.ColumnMap{{Role: "name"}, {Role: "phone"}}}
	if _, err := w.imp.Run(context.Background(), importer.Options{Path: path, Mapping: &m}, nil); err != nil {
		t.Fatal(err)
	}
	info, _ = w.imp.Inspect(w.file("b.csv", "KOLOM1,kolom2\nBudi,08129999999\n"), importer.OpenOptions{})
	if !info.Remembered || !reflect.DeepEqual(info.Mapping, m) {
		t.Errorf("second file with the same header: remembered=%v mapping=%+v, want %+v", info.Remembered, info.Mapping, m)
	}
}
