package contacts_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// indonesia is the phone rules of the default country.
type indonesia struct{ n *phone.Normalizer }

func (r indonesia) Normalizer() *phone.Normalizer { return r.n }

func rules(t testing.TB) indonesia {
	n, err := phone.New("ID")
	if err != nil {
		t.Fatalf("phone.New: %v", err)
	}
	return indonesia{n}
}

// recorder keeps the events the service sends.
type recorder struct {
	mu    sync.Mutex
	names []string
}

func (r *recorder) Emit(name string, _ any) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
}

// env is a service on a real Badger database in a temp folder, with a fixed clock and
// counting IDs so tests can assert exact records.
type env struct {
	t    testing.TB
	dir  string
	db   *store.DB
	svc  *contacts.Service
	c    *contacts.Contacts
	g    *contacts.Groups
	ev   *recorder
	now  time.Time
	next map[string]uint64
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir(), now: time.UnixMilli(1_700_000_000_000), next: map[string]uint64{}}
	e.open()
	t.Cleanup(func() { e.db.Close() })
	return e
}

func (e *env) open() {
	e.t.Helper()
	db, err := store.Open(e.dir, store.Options{})
	if err != nil {
		e.t.Fatalf("store.Open: %v", err)
	}
	e.ev = &recorder{}
	svc, err := contacts.New(db, rules(e.t), contacts.Options{
		Now: func() time.Time { e.now = e.now.Add(time.Second); return e.now },
		NewID: func(seq string) (uint64, error) {
			e.next[seq]++
			return e.next[seq], nil
		},
		Emit: e.ev,
	})
	if err != nil {
		e.t.Fatalf("contacts.New: %v", err)
	}
	e.db, e.svc, e.c, e.g = db, svc, svc.Contacts(), svc.Groups()
}

// reopen closes the database and builds a new service on it, as a restart of the app does.
func (e *env) reopen() {
	e.t.Helper()
	if err := e.db.Close(); err != nil {
		e.t.Fatalf("Close: %v", err)
	}
	e.open()
}

func (e *env) add(name, ph string, groups ...uint64) contacts.Contact {
	e.t.Helper()
	c, err := e.c.Add(contacts.ContactInput{Name: name, Phone: ph, GroupIDs: groups})
	if err != nil {
		e.t.Fatalf("Add(%q, %q): %v", name, ph, err)
	}
	return c
}

func (e *env) group(name string) contacts.Group {
	e.t.Helper()
	g, err := e.g.Create(contacts.GroupInput{Name: name})
	if err != nil {
		e.t.Fatalf("Create group %q: %v", name, err)
	}
	return g
}

func (e *env) names(q contacts.Query) []string {
	e.t.Helper()
	p, err := e.c.List(q)
	if err != nil {
		e.t.Fatalf("List(%+v): %v", q, err)
	}
	out := []string{}
	for _, c := range p.Items {
		out = append(out, c.Name)
	}
	return out
}

func (e *env) total(q contacts.Query) int {
	e.t.Helper()
	p, err := e.c.List(q)
	if err != nil {
		e.t.Fatalf("List(%+v): %v", q, err)
	}
	return p.Total
}

// wantAppErr checks that err is an *apperr.Error with the given kind, code and field.
func wantAppErr(t *testing.T, err error, kind apperr.Kind, code, field string) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("got error %v (%T), want apperr code %s", err, err, code)
	}
	if ae.Kind != kind || ae.Code != code || ae.Field != field {
		t.Fatalf("got kind=%s code=%s field=%s, want kind=%s code=%s field=%s",
			ae.Kind, ae.Code, ae.Field, kind, code, field)
	}
	return ae
}

func TestAddStoresTheNormalisedContact(t *testing.T) {
	e := newEnv(t)
	vip := e.group("VIP")
	got, err := e.c.Add(contacts.ContactInput{
		Name: "  Budi   Santoso ", Phone: "0812-3456-7890", Email: " budi@example.co.id ",
		GroupIDs: []uint64{vip.ID, vip.ID},
		Fields:   []contacts.Field{{Key: "Kota", Value: "Medan"}, {Key: "", Value: ""}},
	})
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	want := contacts.Contact{
		ID: 1, Name: "Budi Santoso", OriginalName: "Budi Santoso", Phone: "6281234567890",
		Display: "+62 812-3456-7890", Email: "budi@example.co.id", GroupIDs: []uint64{vip.ID},
		Fields: []contacts.Field{{Key: "Kota", Value: "Medan"}}, Source: "manual",
		CreatedAt: 1_700_000_002_000, UpdatedAt: 1_700_000_002_000, NameSource: "typed",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Add returned\n got %+v\nwant %+v", got, want)
	}
	e.reopen()
	again, err := e.c.Get(got.ID)
	if err != nil {
		t.Fatalf("Get after restart: %v", err)
	}
	if !reflect.DeepEqual(again, want) {
		t.Errorf("after restart\n got %+v\nwant %+v", again, want)
	}
}

func TestAddRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		in    contacts.ContactInput
		kind  apperr.Kind
		code  string
		field string
	}{
		{"empty name", contacts.ContactInput{Name: "", Phone: "08123456789"}, apperr.Invalid, "contact.name.empty", "name"},
		{"white space name", contacts.ContactInput{Name: " \t\u00a0 ", Phone: "08123456789"}, apperr.Invalid, "contact.name.empty", "name"},
		{"name too long", contacts.ContactInput{Name: string(make([]rune, 201, 201)) + "x", Phone: "08123456789"}, apperr.Invalid, "contact.name.empty", "name"},
		{"empty phone", contacts.ContactInput{Name: "Ani", Phone: "  "}, apperr.Invalid, "contact.phone.empty", "phone"},
		{"invalid phone", contacts.ContactInput{Name: "Ani", Phone: "0812345"}, apperr.Invalid, "contact.phone.invalid", "phone"},
		{"letters as phone", contacts.ContactInput{Name: "Ani", Phone: "hubungi saya"}, apperr.Invalid, "contact.phone.invalid", "phone"},
		{"lossy phone", contacts.ContactInput{Name: "Ani", Phone: "6.28123E+11"}, apperr.Invalid, "contact.phone.lossy", "phone"},
		{"malformed email", contacts.ContactInput{Name: "Ani", Phone: "08123456789", Email: "ani@"}, apperr.Invalid, "contact.email.invalid", "email"},
		{"email with a name", contacts.ContactInput{Name: "Ani", Phone: "08123456789", Email: "Ani <ani@example.com>"}, apperr.Invalid, "contact.email.invalid", "email"},
		{"email without dotted domain", contacts.ContactInput{Name: "Ani", Phone: "08123456789", Email: "ani@localhost"}, apperr.Invalid, "contact.email.invalid", "email"},
		{"unknown group", contacts.ContactInput{Name: "Ani", Phone: "08123456789", GroupIDs: []uint64{99}}, apperr.NotFound, "group.not_found", "groupIds"},
		{"repeated custom field", contacts.ContactInput{Name: "Ani", Phone: "08123456789",
			Fields: []contacts.Field{{Key: "Kota", Value: "a"}, {Key: "kota", Value: "b"}}}, apperr.Invalid, "contact.field.invalid", "fields"},
		{"duplicate phone in another format", contacts.ContactInput{Name: "Ani", Phone: "+62 812 3456 7890"}, apperr.Exists, "contact.phone.duplicate", "phone"},
	}
	// The too-long name is made of NUL runes that cleaning removes, which leaves "x": it
	// must be a real long name instead.
	tests[2].in.Name = string(slices.Repeat([]rune{'a'}, contacts.MaxNameLength+1))
	tests[2].code = "contact.name.too_long"

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			budi := e.add("Budi", "0812-3456-7890")
			_, err := e.c.Add(tt.in)
			ae := wantAppErr(t, err, tt.kind, tt.code, tt.field)
			if tt.code == "contact.phone.duplicate" {
				if ae.Params["name"] != "Budi" || ae.Params["id"] != fmt.Sprint(budi.ID) {
					t.Errorf("duplicate params: got %v, want name Budi and id %d", ae.Params, budi.ID)
				}
			}
			if got := e.total(contacts.Query{}); got != 1 {
				t.Errorf("contacts after a refused add: got %d, want 1", got)
			}
		})
	}
}

func TestUpdateKeepsTheOriginalName(t *testing.T) {
	e := newEnv(t)
	a, b := e.group("A"), e.group("B")
	c := e.add("budi", "081234567890", a.ID)
	got, err := e.c.Update(c.ID, contacts.ContactInput{Name: "Budi Santoso", Phone: "+62 811 1111 2222", GroupIDs: []uint64{b.ID}})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got.Name != "Budi Santoso" || got.OriginalName != "budi" || got.Phone != "6281111112222" {
		t.Errorf("after update got name=%q original=%q phone=%q", got.Name, got.OriginalName, got.Phone)
	}
	if !reflect.DeepEqual(got.GroupIDs, []uint64{b.ID}) {
		t.Errorf("groups after update: got %v, want [%d]", got.GroupIDs, b.ID)
	}
	// The old number is free again and the new one is taken.
	if _, err := e.c.Add(contacts.ContactInput{Name: "Ani", Phone: "081234567890"}); err != nil {
		t.Errorf("reusing the old number: %v", err)
	}
	_, err = e.c.Add(contacts.ContactInput{Name: "Ana", Phone: "0811-1111-2222"})
	wantAppErr(t, err, apperr.Exists, "contact.phone.duplicate", "phone")

	ga, _ := e.g.Get(a.ID)
	gb, _ := e.g.Get(b.ID)
	if ga.Members != 0 || gb.Members != 1 {
		t.Errorf("member counts: A=%d B=%d, want 0 and 1", ga.Members, gb.Members)
	}
	// Saving a contact with its own number is not a duplicate.
	if _, err := e.c.Update(c.ID, contacts.ContactInput{Name: "Budi", Phone: "6281111112222"}); err != nil {
		t.Errorf("update keeping the phone: %v", err)
	}
	_, err = e.c.Update(999, contacts.ContactInput{Name: "X", Phone: "081299998888"})
	wantAppErr(t, err, apperr.NotFound, "contact.not_found", "")
}

func TestListSearchFilterSortPage(t *testing.T) {
	e := newEnv(t)
	vip := e.group("VIP")
	news := e.group("Newsletter")
	e.add("Budi Santoso", "0812-3456-7890", vip.ID)
	e.add("Ani", "+62 813 1111 2222", vip.ID, news.ID)
	e.add("Désirée", "0857 0000 1111")
	e.add("citra", "021-5551234", news.ID)
	if _, err := e.c.Add(contacts.ContactInput{Name: "Dewi", Phone: "0899 1234 5678", Email: "dewi.toko@gmail.com"}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		q    contacts.Query
		want []string
	}{
		{"all by name, ignoring case and accents", contacts.Query{}, []string{"Ani", "Budi Santoso", "citra", "Désirée", "Dewi"}},
		{"newest first", contacts.Query{Sort: contacts.SortNewest}, []string{"Dewi", "citra", "Désirée", "Ani", "Budi Santoso"}},
		{"name part", contacts.Query{Text: "santo"}, []string{"Budi Santoso"}},
		{"upper case query", contacts.Query{Text: "BUDI"}, []string{"Budi Santoso"}},
		{"every word must match", contacts.Query{Text: "budi ani"}, []string{}},
		{"words in any order", contacts.Query{Text: "santoso budi"}, []string{"Budi Santoso"}},
		{"accent-free query finds accented name", contacts.Query{Text: "desiree"}, []string{"Désirée"}},
		{"national format", contacts.Query{Text: "0812-3456"}, []string{"Budi Santoso"}},
		{"international format", contacts.Query{Text: "+62 812 3456 7890"}, []string{"Budi Santoso"}},
		{"canonical digits", contacts.Query{Text: "62812"}, []string{"Budi Santoso"}},
		{"fragment without prefix", contacts.Query{Text: "812 3456"}, []string{"Budi Santoso"}},
		{"middle digits", contacts.Query{Text: "1111"}, []string{"Ani", "Désirée"}},
		{"landline", contacts.Query{Text: "(021) 555"}, []string{"citra"}},
		{"email", contacts.Query{Text: "toko@gmail"}, []string{"Dewi"}},
		{"no match", contacts.Query{Text: "anx"}, []string{}},
		{"one group", contacts.Query{GroupID: vip.ID}, []string{"Ani", "Budi Santoso"}},
		{"group and search", contacts.Query{GroupID: news.ID, Text: "cit"}, []string{"citra"}},
		{"not in any group", contacts.Query{NoGroup: true}, []string{"Désirée", "Dewi"}},
		{"first page", contacts.Query{Limit: 2}, []string{"Ani", "Budi Santoso"}},
		{"second page", contacts.Query{Limit: 2, Offset: 2}, []string{"citra", "Désirée"}},
		{"past the end", contacts.Query{Offset: 10}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.names(tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("List(%+v): got %q, want %q", tt.q, got, tt.want)
			}
		})
	}
	if got := e.total(contacts.Query{Limit: 2}); got != 5 {
		t.Errorf("total with a page size of 2: got %d, want 5", got)
	}

	bad := []contacts.Query{{Limit: -1}, {Limit: contacts.MaxPageSize + 1}, {Offset: -1}, {Sort: "phone"}}
	for _, q := range bad {
		_, err := e.c.List(q)
		wantAppErr(t, err, apperr.Invalid, "request.invalid", "")
	}
	_, err := e.c.List(contacts.Query{GroupID: 404})
	wantAppErr(t, err, apperr.NotFound, "group.not_found", "")
}

func TestGroups(t *testing.T) {
	e := newEnv(t)
	pel := e.group("Pelanggan")

	_, err := e.g.Create(contacts.GroupInput{Name: "  PELANGGAN "})
	ae := wantAppErr(t, err, apperr.Exists, "group.name.duplicate", "name")
	if ae.Params["name"] != "Pelanggan" {
		t.Errorf("duplicate group message names %q, want Pelanggan", ae.Params["name"])
	}
	_, err = e.g.Create(contacts.GroupInput{Name: "   "})
	wantAppErr(t, err, apperr.Invalid, "group.name.empty", "name")
	_, err = e.g.Create(contacts.GroupInput{Name: string(slices.Repeat([]rune{'x'}, 101))})
	wantAppErr(t, err, apperr.Invalid, "group.name.too_long", "name")

	// Renaming to another letter case of its own name is allowed.
	g, err := e.g.Update(pel.ID, contacts.GroupInput{Name: "pelanggan", Description: "Pembeli tetap\r\nsejak 2020"})
	if err != nil {
		t.Fatalf("rename to other case: %v", err)
	}
	if g.Name != "pelanggan" || g.Description != "Pembeli tetap\nsejak 2020" {
		t.Errorf("after update got %q / %q", g.Name, g.Description)
	}
	news := e.group("Newsletter")
	_, err = e.g.Update(news.ID, contacts.GroupInput{Name: "PELANGGAN"})
	wantAppErr(t, err, apperr.Exists, "group.name.duplicate", "name")

	budi := e.add("Budi", "081234567890", pel.ID, news.ID)
	if _, err := e.g.Delete(pel.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	_, err = e.g.Delete(pel.ID)
	wantAppErr(t, err, apperr.NotFound, "group.not_found", "")

	got, err := e.c.Get(budi.ID)
	if err != nil {
		t.Fatalf("the contact of a deleted group is gone: %v", err)
	}
	if !reflect.DeepEqual(got.GroupIDs, []uint64{news.ID}) {
		t.Errorf("groups after deleting Pelanggan: got %v, want [%d]", got.GroupIDs, news.ID)
	}
	// The deleted name can be used again, and the new group starts empty.
	again := e.group("Pelanggan")
	if again.Members != 0 {
		t.Errorf("recreated group has %d members, want 0", again.Members)
	}

	e.reopen()
	list, err := e.g.List()
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, g := range list {
		summary = append(summary, fmt.Sprintf("%s:%d", g.Name, g.Members))
	}
	if want := []string{"Newsletter:1", "Pelanggan:0"}; !reflect.DeepEqual(summary, want) {
		t.Errorf("groups after restart: got %v, want %v", summary, want)
	}
}

func TestBulkActions(t *testing.T) {
	e := newEnv(t)
	news := e.group("Newsletter")
	var ids []uint64
	for i := range 5 {
		ids = append(ids, e.add(fmt.Sprintf("C%d", i), fmt.Sprintf("08123456%04d", i)).ID)
	}

	n, err := e.c.AddToGroup(append(ids[:3:3], ids[0], 999), news.ID)
	if err != nil || n != 3 {
		t.Fatalf("AddToGroup: got %d, %v; want 3 added", n, err)
	}
	if n, _ := e.c.AddToGroup(ids[:4], news.ID); n != 1 {
		t.Errorf("adding again: got %d new members, want 1", n)
	}
	if n, _ := e.c.RemoveFromGroup(ids[:1], news.ID); n != 1 {
		t.Errorf("RemoveFromGroup: got %d, want 1", n)
	}
	if got := e.total(contacts.Query{}); got != 5 {
		t.Errorf("removing from a group deleted contacts: %d left, want 5", got)
	}
	if g, _ := e.g.Get(news.ID); g.Members != 3 {
		t.Errorf("Newsletter members: got %d, want 3", g.Members)
	}
	_, err = e.c.AddToGroup(ids, 404)
	wantAppErr(t, err, apperr.NotFound, "group.not_found", "")

	n, err = e.c.Delete([]uint64{ids[1], ids[2], ids[2], 999})
	if err != nil || n != 2 {
		t.Fatalf("Delete: got %d, %v; want 2", n, err)
	}
	if g, _ := e.g.Get(news.ID); g.Members != 1 {
		t.Errorf("Newsletter members after deleting two: got %d, want 1", g.Members)
	}
	e.reopen()
	if got := e.names(contacts.Query{GroupID: news.ID}); !reflect.DeepEqual(got, []string{"C3"}) {
		t.Errorf("Newsletter after restart: got %v, want [C3]", got)
	}
	if got := e.total(contacts.Query{}); got != 3 {
		t.Errorf("contacts after restart: got %d, want 3", got)
	}
}

func TestCheckPhone(t *testing.T) {
	e := newEnv(t)
	budi := e.add("Budi", "0812-3456-7890")
	tests := []struct {
		name      string
		raw       string
		exclude   uint64
		status    string
		display   string
		duplicate string
	}{
		{"free number", "0813 0000 1111", 0, "valid", "+62 813-0000-1111", ""},
		{"taken in another format", "+62 812 3456 7890", 0, "valid", "+62 812-3456-7890", "Budi"},
		{"own number while editing", "6281234567890", budi.ID, "valid", "+62 812-3456-7890", ""},
		{"too short", "0812", 0, "invalid", "", ""},
		{"empty", "", 0, "empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e.c.CheckPhone(tt.raw, tt.exclude)
			if err != nil {
				t.Fatal(err)
			}
			dup := ""
			if got.Duplicate != nil {
				dup = got.Duplicate.Name
			}
			if got.Status != tt.status || got.Display != tt.display || dup != tt.duplicate {
				t.Errorf("CheckPhone(%q): got status=%s display=%q duplicate=%q, want %s %q %q",
					tt.raw, got.Status, got.Display, dup, tt.status, tt.display, tt.duplicate)
			}
			if got.Reasons == nil {
				t.Errorf("Reasons is nil; the interface expects a list")
			}
		})
	}
}

func TestWritesTellTheInterface(t *testing.T) {
	e := newEnv(t)
	g := e.group("VIP")
	c := e.add("Budi", "081234567890", g.ID)
	e.c.RemoveFromGroup([]uint64{c.ID}, g.ID)
	e.c.Delete([]uint64{c.ID})
	want := []string{
		events.GroupsChanged,
		events.ContactsChanged, events.GroupsChanged,
		events.ContactsChanged, events.GroupsChanged,
		events.ContactsChanged, events.GroupsChanged,
	}
	if !reflect.DeepEqual(e.ev.names, want) {
		t.Errorf("events: got %v, want %v", e.ev.names, want)
	}
}

// TestIndexStaysInStepWithTheStore runs random operations and then compares what the live
// service lists with what a service rebuilt from the database lists.
func TestIndexStaysInStepWithTheStore(t *testing.T) {
	e := newEnv(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var groups, ids []uint64
	for i := range 4 {
		groups = append(groups, e.group(fmt.Sprintf("G%d", i)).ID)
	}
	pick := func(xs []uint64) uint64 { return xs[rng.IntN(len(xs))] }
	some := func(xs []uint64) []uint64 {
		var out []uint64
		for _, x := range xs {
			if rng.IntN(3) == 0 {
				out = append(out, x)
			}
		}
		return out
	}
	var undoDeletes []uint64
	importID := uint64(0)
	for step := range 400 {
		switch op := rng.IntN(13); {
		case op == 10:
			// An import slice: new contacts and edits of existing ones, with groups.
			importID++
			var rows []contacts.ImportRow
			for range 1 + rng.IntN(8) {
				row := contacts.ImportRow{Record: store.Contact{Name: fmt.Sprintf("I%d", rng.IntN(50)),
					Phone: fmt.Sprintf("62812%08d", rng.IntN(300)), Source: fmt.Sprintf("import:%d", importID)}, AddGroups: some(groups)}
				if len(ids) > 0 && rng.IntN(3) == 0 {
					row.ExistingID = pick(ids)
					row.Record.Phone = ""
				}
				rows = append(rows, row)
			}
			for i := range rows {
				if rows[i].ExistingID != 0 {
					if c, err := e.c.Get(rows[i].ExistingID); err == nil {
						rows[i].Record.Phone = c.Phone
					} else {
						rows[i].ExistingID = 0
						rows[i].Record.Phone = fmt.Sprintf("62813%08d", rng.IntN(300))
					}
				}
			}
			var steps contacts.Steps
			results, err := e.svc.ApplyImport(importID, &steps, slices.Clone(rows))
			if err != nil {
				t.Fatalf("step %d import: %v", step, err)
			}
			_ = results
			if rng.IntN(2) == 0 {
				if _, err := e.svc.UndoImport(importID); err != nil {
					t.Fatalf("step %d undo import: %v", step, err)
				}
			} else if p, err := e.c.List(contacts.Query{Source: fmt.Sprintf("import:%d", importID), Limit: contacts.MaxPageSize}); err == nil {
				for _, c := range p.Items {
					ids = append(ids, c.ID)
				}
			}
		case op == 11:
			res, err := e.c.DeleteSelection(contacts.Selection{IDs: some(ids)})
			if err != nil {
				t.Fatalf("step %d delete selection: %v", step, err)
			}
			if res.UndoID != 0 {
				undoDeletes = append(undoDeletes, res.UndoID)
			}
		case op == 12 && len(undoDeletes) > 0:
			if _, err := e.c.UndoDelete(undoDeletes[len(undoDeletes)-1]); err != nil && apperr.KindOf(err) == apperr.Internal {
				t.Fatalf("step %d undo delete: %v", step, err)
			}
			undoDeletes = undoDeletes[:len(undoDeletes)-1]
		case op < 4 || len(ids) == 0:
			c, err := e.c.Add(contacts.ContactInput{
				Name: fmt.Sprintf("N%d", rng.IntN(50)), Phone: fmt.Sprintf("0812%08d", rng.IntN(300)), GroupIDs: some(groups),
			})
			if err == nil {
				ids = append(ids, c.ID)
			} else if apperr.KindOf(err) != apperr.Exists {
				t.Fatalf("step %d add: %v", step, err)
			}
		case op < 6:
			_, err := e.c.Update(pick(ids), contacts.ContactInput{
				Name: fmt.Sprintf("U%d", rng.IntN(50)), Phone: fmt.Sprintf("0812%08d", rng.IntN(300)), GroupIDs: some(groups),
			})
			if err != nil && apperr.KindOf(err) != apperr.Exists && apperr.KindOf(err) != apperr.NotFound {
				t.Fatalf("step %d update: %v", step, err)
			}
		case op < 8:
			if _, err := e.c.AddToGroup(some(ids), pick(groups)); err != nil {
				t.Fatalf("step %d add to group: %v", step, err)
			}
		case op < 9:
			if _, err := e.c.RemoveFromGroup(some(ids), pick(groups)); err != nil {
				t.Fatalf("step %d remove from group: %v", step, err)
			}
		default:
			if _, err := e.c.Delete(some(ids)); err != nil {
				t.Fatalf("step %d delete: %v", step, err)
			}
		}
	}
	snapshot := func() ([]contacts.Contact, []contacts.Group) {
		var all []contacts.Contact
		for _, sort := range []string{contacts.SortName, contacts.SortNewest} {
			p, err := e.c.List(contacts.Query{Sort: sort, Limit: contacts.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, p.Items...)
		}
		for _, g := range groups {
			p, _ := e.c.List(contacts.Query{GroupID: g, Limit: contacts.MaxPageSize})
			all = append(all, p.Items...)
		}
		p, _ := e.c.List(contacts.Query{NoGroup: true, Limit: contacts.MaxPageSize})
		all = append(all, p.Items...)
		// Searches by phone prefix (the phone order), by letters (the record signatures)
		// and by digits anywhere (the scan), with both sorts and a filter.
		for _, text := range []string{"0812", "62812", "+62 813", "0812 0000 01", "62", "u1", "n", "i2", "001"} {
			for _, sort := range []string{contacts.SortName, contacts.SortNewest} {
				p, err := e.c.List(contacts.Query{Text: text, Sort: sort, Limit: 7, Offset: 3})
				if err != nil {
					t.Fatal(err)
				}
				all = append(all, p.Items...)
				all = append(all, contacts.Contact{Name: fmt.Sprintf("total %q %s: %d", text, sort, p.Total)})
				p, _ = e.c.List(contacts.Query{Text: text, Sort: sort, GroupIDs: groups[:2], Limit: 7})
				all = append(all, p.Items...)
				all = append(all, contacts.Contact{Name: fmt.Sprintf("total %q %s in groups: %d", text, sort, p.Total)})
			}
		}
		gs, _ := e.g.List()
		return all, gs
	}
	liveContacts, liveGroups := snapshot()
	e.reopen()
	storedContacts, storedGroups := snapshot()
	if !reflect.DeepEqual(liveContacts, storedContacts) {
		t.Errorf("live index lists %d rows, rebuilt index %d; they differ", len(liveContacts), len(storedContacts))
	}
	if !reflect.DeepEqual(liveGroups, storedGroups) {
		t.Errorf("group counts differ:\n live %+v\nstored %+v", liveGroups, storedGroups)
	}
}

func TestConcurrentUseIsSafe(t *testing.T) {
	e := newEnv(t)
	g := e.group("VIP")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				c, err := e.c.Add(contacts.ContactInput{Name: "x", Phone: fmt.Sprintf("0812%d%07d", w, i)})
				if err != nil {
					t.Errorf("Add: %v", err)
					return
				}
				e.c.AddToGroup([]uint64{c.ID}, g.ID)
				e.c.List(contacts.Query{Text: "x", Limit: 10})
				e.c.List(contacts.Query{Text: "0812", Limit: 10})
			}
		}()
	}
	wg.Wait()
	if got, _ := e.g.Get(g.ID); got.Members != 200 {
		t.Errorf("members after concurrent adds: got %d, want 200", got.Members)
	}
}

// TestNoMethodPanics checks that a service whose data could not be opened (the app binds
// empty services then) answers every call with an error instead of a panic, because a
// panic leaves the interface's call waiting forever.
func TestNoMethodPanics(t *testing.T) {
	empty := &contacts.Service{}
	c, g := empty.Contacts(), empty.Groups()
	calls := map[string]func() error{
		"Add":             func() error { _, err := c.Add(contacts.ContactInput{Name: "a", Phone: "08123456789"}); return err },
		"Update":          func() error { _, err := c.Update(1, contacts.ContactInput{}); return err },
		"Get":             func() error { _, err := c.Get(1); return err },
		"Delete":          func() error { _, err := c.Delete([]uint64{1}); return err },
		"List":            func() error { _, err := c.List(contacts.Query{}); return err },
		"CheckPhone":      func() error { _, err := c.CheckPhone("0812", 0); return err },
		"AddToGroup":      func() error { _, err := c.AddToGroup([]uint64{1}, 1); return err },
		"RemoveFromGroup": func() error { _, err := c.RemoveFromGroup([]uint64{1}, 1); return err },
		"Create":          func() error { _, err := g.Create(contacts.GroupInput{Name: "x"}); return err },
		"Rename":          func() error { _, err := g.Update(1, contacts.GroupInput{Name: "x"}); return err },
		"DeleteGroup":     func() error { _, err := g.Delete(1); return err },
		"ListGroups":      func() error { _, err := g.List(); return err },
		"GetGroup":        func() error { _, err := g.Get(1); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); apperr.KindOf(err) != apperr.Internal {
				t.Errorf("got %v, want an internal error", err)
			}
		})
	}
}

func TestBulkActionsOnEverythingThatMatches(t *testing.T) {
	e := newEnv(t)
	vip := e.group("VIP")
	for i := range 30 {
		name := fmt.Sprintf("Budi %02d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("Siti %02d", i)
		}
		e.add(name, fmt.Sprintf("0812%08d", i))
	}
	budi := contacts.Query{Text: "budi"}
	n, err := e.c.AddToGroupSelection(contacts.Selection{All: true, Query: budi}, vip.ID)
	if err != nil || n != 20 {
		t.Fatalf("add every match: got %d, %v; want 20", n, err)
	}
	if got := e.total(contacts.Query{GroupID: vip.ID, Text: "siti"}); got != 0 {
		t.Errorf("contacts outside the search joined the group: %d", got)
	}
	n, err = e.c.RemoveFromGroupSelection(contacts.Selection{All: true, Query: contacts.Query{Text: "budi 1"}}, vip.ID)
	if err != nil || n != 8 { // Budi 01, 10, 11, 13, 14, 16, 17, 19
		t.Fatalf("remove matches: got %d, %v; want 8", n, err)
	}

	res, err := e.c.DeleteSelection(contacts.Selection{All: true, Query: contacts.Query{GroupID: vip.ID}})
	if err != nil || res.Deleted != 12 || res.UndoID == 0 {
		t.Fatalf("delete the group's members: got %+v, %v", res, err)
	}
	if got := e.total(contacts.Query{}); got != 18 {
		t.Errorf("contacts after delete: got %d, want 18", got)
	}
	back, err := e.c.UndoDelete(res.UndoID)
	if err != nil || back != 12 {
		t.Fatalf("UndoDelete: got %d, %v; want 12", back, err)
	}
	if got := e.total(contacts.Query{GroupID: vip.ID}); got != 12 {
		t.Errorf("restored contacts are back in %d of VIP's places, want 12", got)
	}
	if _, err := e.c.UndoDelete(res.UndoID); !apperr.Is(err, "delete.not_undoable") {
		t.Errorf("second undo: got %v, want delete.not_undoable", err)
	}
	e.reopen()
	if got := e.total(contacts.Query{}); got != 30 {
		t.Errorf("contacts after restart: got %d, want 30", got)
	}
}

func TestFilters(t *testing.T) {
	e := newEnv(t)
	a, b := e.group("A"), e.group("B")
	e.add("Satu", "081200000001", a.ID)
	e.add("Dua", "081200000002", a.ID, b.ID)
	e.add("Tiga", "081200000003", b.ID)
	e.add("Empat", "081200000004")
	if _, err := e.c.Add(contacts.ContactInput{Name: "Lima", Phone: "081200000005", Email: "lima@example.com"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    contacts.Query
		want []string
	}{
		{"any of A, B", contacts.Query{GroupIDs: []uint64{a.ID, b.ID}}, []string{"Dua", "Satu", "Tiga"}},
		{"all of A, B", contacts.Query{GroupIDs: []uint64{a.ID, b.ID}, GroupMode: contacts.GroupsAll}, []string{"Dua"}},
		{"none of A", contacts.Query{GroupIDs: []uint64{a.ID}, GroupMode: contacts.GroupsNone}, []string{"Empat", "Lima", "Tiga"}},
		{"no group", contacts.Query{NoGroup: true}, []string{"Empat", "Lima"}},
		{"has email", contacts.Query{HasEmail: true}, []string{"Lima"}},
		{"added by hand", contacts.Query{Source: "manual", GroupIDs: []uint64{b.ID}}, []string{"Dua", "Tiga"}},
		{"from an import", contacts.Query{Source: "import:1"}, []string{}},
		{"newest first within a group", contacts.Query{GroupIDs: []uint64{b.ID}, Sort: contacts.SortNewest}, []string{"Tiga", "Dua"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.names(tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	_, err := e.c.List(contacts.Query{GroupIDs: []uint64{a.ID}, GroupMode: "some"})
	wantAppErr(t, err, apperr.Invalid, "request.invalid", "")
}

// TestSearchAgreesWithAPlainScan compares the index's answers with a scan over every
// contact for many queries, after edits and deletes have moved records around.
func TestSearchAgreesWithAPlainScan(t *testing.T) {
	e := newEnv(t)
	rng := rand.New(rand.NewPCG(7, 7))
	first := []string{"Budi", "Siti", "Agus", "Dewi", "Désirée", "Ratna", "Wayan"}
	last := []string{"Santoso", "Lubis", "Siregar", "Nasution", ""}
	type plain struct{ name, phone, email string }
	all := map[uint64]plain{}
	for i := range 300 {
		name := strings.TrimSpace(first[rng.IntN(len(first))] + " " + last[rng.IntN(len(last))])
		email := ""
		if rng.IntN(3) == 0 {
			email = fmt.Sprintf("%s%d@example.com", strings.ToLower(strings.Fields(name)[0]), i)
		}
		c, err := e.c.Add(contacts.ContactInput{Name: name, Phone: fmt.Sprintf("08%d%08d", 11+rng.IntN(3), rng.IntN(100_000_000)), Email: email})
		if err != nil {
			continue
		}
		all[c.ID] = plain{name, c.Phone, email}
	}
	for id := range all {
		switch rng.IntN(5) {
		case 0:
			e.c.Delete([]uint64{id})
			delete(all, id)
		case 1:
			p := all[id]
			p.name = "Ubah " + p.name
			if _, err := e.c.Update(id, contacts.ContactInput{Name: p.name, Phone: p.phone, Email: p.email}); err != nil {
				t.Fatal(err)
			}
			all[id] = p
		}
	}
	fold := strings.NewReplacer("é", "e", "É", "e")
	queries := []string{"budi", "siti lubis", "ubah", "san", "a", "0811", "62812", "813 0", "+62 812", "example", "desiree", "zzz", "i s",
		"0812", "62813", "+62 811", "6281", "0", "62", "anx", "6281x", "u", "x", "é", "@", "ubah siti", "0062 812 1", "+62 0812"}
	for _, q := range queries {
		want := 0
		var wantIDs []uint64
		for id, p := range all {
			hay := strings.ToLower(fold.Replace(p.name + " " + p.email))
			ok := true
			for _, w := range strings.Fields(strings.ToLower(fold.Replace(q))) {
				if !strings.Contains(hay, w) {
					ok = false
				}
			}
			if digits, anchored := phone.SearchDigits(q, "ID"); digits != "" {
				if anchored && strings.HasPrefix(p.phone, digits) || !anchored && strings.Contains(p.phone, digits) {
					ok = true
				}
			}
			if ok {
				want++
				wantIDs = append(wantIDs, id)
			}
		}
		if got := e.total(contacts.Query{Text: q}); got != want {
			t.Errorf("search %q: index finds %d, a plain scan %d", q, got, want)
		}
		// The pages too, in both orders: by folded name then ID, and newest first.
		key := func(id uint64) string { return strings.ToLower(fold.Replace(all[id].name)) }
		slices.SortFunc(wantIDs, func(a, b uint64) int {
			if c := strings.Compare(key(a), key(b)); c != 0 {
				return c
			}
			return int(a) - int(b)
		})
		for _, sort := range []string{contacts.SortName, contacts.SortNewest} {
			if sort == contacts.SortNewest {
				slices.Sort(wantIDs)
				slices.Reverse(wantIDs)
			}
			for _, off := range []int{0, 5} {
				p, err := e.c.List(contacts.Query{Text: q, Sort: sort, Offset: off, Limit: 20})
				if err != nil {
					t.Fatal(err)
				}
				var got []uint64
				for _, c := range p.Items {
					got = append(got, c.ID)
				}
				if w := wantIDs[min(off, len(wantIDs)):min(off+20, len(wantIDs))]; !slices.Equal(got, w) {
					t.Errorf("search %q sorted by %s from %d: index gives %v, a plain scan %v", q, sort, off, got, w)
				}
			}
		}
	}
}

func TestNamesFromMessages(t *testing.T) {
	e := newEnv(t)
	leads := e.group("Leads")
	c, created, err := e.svc.SaveSender("6281211112222", "", []uint64{leads.ID})
	if err != nil || !created || c.Name != "+62 812-1111-2222" || c.NameSource != "number" || c.Source != "autoreply" {
		t.Fatalf("SaveSender without a push name: %+v created=%v err=%v", c, created, err)
	}
	again, created, _ := e.svc.SaveSender("6281211112222", "Rina Toko", nil)
	if created || again.ID != c.ID || !reflect.DeepEqual(again.GroupIDs, []uint64{leads.ID}) {
		t.Errorf("a known sender: got %+v created=%v, want the same contact, still in Leads", again, created)
	}
	tests := []struct {
		name, setup, stated, want, wantName, wantSuggested string
	}{
		{"automatic name is replaced", "", "Rina", contacts.NameApplied, "Rina", ""},
		{"same name again", "", "Rina", contacts.NameUnchanged, "Rina", ""},
		{"typed name is kept", "Bu Rina Langganan", "Rina", contacts.NameSuggested, "Bu Rina Langganan", "Rina"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != "" {
				if _, err := e.c.Update(c.ID, contacts.ContactInput{Name: tt.setup, Phone: c.Phone, GroupIDs: []uint64{leads.ID}}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := e.svc.ApplyStatedName(c.ID, tt.stated)
			if err != nil || got != tt.want {
				t.Fatalf("ApplyStatedName: got %q, %v; want %q", got, err, tt.want)
			}
			now, _ := e.c.Get(c.ID)
			if now.Name != tt.wantName || now.SuggestedName != tt.wantSuggested || now.OriginalName != "+62 812-1111-2222" {
				t.Errorf("contact: name %q suggested %q original %q; want %q %q and the number", now.Name, now.SuggestedName, now.OriginalName, tt.wantName, tt.wantSuggested)
			}
		})
	}
	acc, err := e.c.AcceptSuggestedName(c.ID)
	if err != nil || acc.Name != "Rina" || acc.SuggestedName != "" {
		t.Errorf("AcceptSuggestedName: %+v, %v", acc, err)
	}
	locked := true
	if _, err := e.c.Update(c.ID, contacts.ContactInput{Name: "Rina", Phone: c.Phone, NameLocked: &locked}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.svc.ApplyStatedName(c.ID, "Rini"); got != contacts.NameSuggested {
		t.Errorf("a locked name: got %q, want suggested", got)
	}
}

func TestPhonesNowKnowsEveryPhoneOfItsTime(t *testing.T) {
	e := newEnv(t)
	a := e.add("A", "0812 0000 0001")
	b := e.add("B", "+1 415 555 0100")
	gone := e.add("C", "0812 0000 0003")
	if _, err := e.c.Delete([]uint64{gone.ID}); err != nil {
		t.Fatal(err)
	}
	has := e.svc.PhonesNow()
	e.add("D", "0812 0000 0004") // after the copy
	for phone, want := range map[string]bool{a.Phone: true, b.Phone: true, gone.Phone: false,
		"6281200000004": false, "6281200000005": false, "1234567890123456789012": true} {
		if got := has(phone); got != want {
			t.Errorf("PhonesNow()(%q) = %v, want %v", phone, got, want)
		}
	}
}
