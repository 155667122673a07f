package campaigns_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/campaigns"
	"kontak/backend/contacts"
	"kontak/backend/phone"
	"kontak/backend/store"
)

type indonesia struct{ n *phone.Normalizer }

func (r indonesia) Normalizer() *phone.Normalizer { return r.n }

type recorder struct {
	mu    sync.Mutex
	names []string
}

func (r *recorder) Emit(name string, _ any) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
}

func (r *recorder) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, x := range r.names {
		if x == name {
			n++
		}
	}
	return n
}

// env is the campaigns service over a real contacts service on Badger in a temp folder,
// with a fixed clock and counting IDs.
type env struct {
	t    *testing.T
	dir  string
	db   *store.DB
	cs   *contacts.Service
	svc  *campaigns.Service
	b    *campaigns.Campaigns
	ev   *recorder
	now  time.Time
	next map[string]uint64
}

func newEnv(t *testing.T) *env {
	e := &env{t: t, dir: t.TempDir(), now: time.UnixMilli(1_700_000_000_000), next: map[string]uint64{}}
	e.open()
	t.Cleanup(func() { e.db.Close() })
	return e
}

func (e *env) open() {
	e.t.Helper()
	db, err := store.Open(e.dir, store.Options{})
	if err != nil {
		e.t.Fatal(err)
	}
	n, _ := phone.New("ID")
	e.ev = &recorder{}
	clock := func() time.Time { e.now = e.now.Add(time.Second); return e.now }
	newID := func(seq string) (uint64, error) { e.next[seq]++; return e.next[seq], nil }
	cs, err := contacts.New(db, indonesia{n}, contacts.Options{Now: clock, NewID: newID, Emit: e.ev})
	if err != nil {
		e.t.Fatal(err)
	}
	svc, err := campaigns.New(campaigns.Config{DB: db, Contacts: cs, Emit: e.ev, Now: clock, NewID: newID})
	if err != nil {
		e.t.Fatal(err)
	}
	e.db, e.cs, e.svc, e.b = db, cs, svc, svc.Bound()
}

func (e *env) reopen() {
	e.t.Helper()
	if err := e.db.Close(); err != nil {
		e.t.Fatal(err)
	}
	e.open()
}

func (e *env) group(name string) uint64 {
	e.t.Helper()
	g, err := e.cs.Groups().Create(contacts.GroupInput{Name: name})
	if err != nil {
		e.t.Fatal(err)
	}
	return g.ID
}

type person struct {
	name, phone, email string
	groups             []uint64
	optOut             bool
	fields             []contacts.Field
}

func (e *env) add(p person) contacts.Contact {
	e.t.Helper()
	in := contacts.ContactInput{Name: p.name, Phone: p.phone, Email: p.email, GroupIDs: p.groups, Fields: p.fields}
	if p.optOut {
		in.OptOut = &p.optOut
	}
	c, err := e.cs.Contacts().Add(in)
	if err != nil {
		e.t.Fatalf("add %s: %v", p.name, err)
	}
	return c
}

// addRaw writes a contact straight into the store, as an old version or a damaged file
// could have left it (a phone that is no WhatsApp number), and reloads the services.
func (e *env) addRaw(id uint64, name, ph string, groups ...uint64) {
	e.t.Helper()
	err := e.db.Update(func(t *store.Txn) error {
		if err := t.PutContact(store.Contact{ID: id, Name: name, OriginalName: name, Phone: ph, Source: "manual"}); err != nil {
			return err
		}
		for _, g := range groups {
			if _, err := t.AddMember(g, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	e.reopen()
}

func names(items []campaigns.Recipient) []string {
	out := []string{}
	for _, r := range items {
		out = append(out, r.Name)
	}
	return out
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != code {
		t.Fatalf("got error %v, want code %s", err, code)
	}
}

// fixture: groups Pelanggan, VIP, Berhenti (to exclude), Kosong (empty) and Lama (deleted
// after Indah joined it), and contacts that cover every reason.
type fixture struct {
	*env
	pel, vip, stop, empty, gone uint64
	ids                         map[string]uint64
}

func newFixture(t *testing.T) *fixture {
	e := newEnv(t)
	f := &fixture{env: e, ids: map[string]uint64{}}
	f.pel, f.vip, f.stop, f.empty, f.gone = e.group("Pelanggan"), e.group("VIP"), e.group("Berhenti"), e.group("Kosong"), e.group("Lama")
	for _, p := range []person{
		{name: "Ani", phone: "0812-1000-0001", groups: []uint64{f.pel}},
		{name: "Budi", phone: "0812-1000-0002", groups: []uint64{f.pel, f.vip}, fields: []contacts.Field{{Key: "Kota", Value: "Bandung"}}},
		{name: "Citra", phone: "0812-1000-0003", groups: []uint64{f.vip}, email: "citra@example.com"},
		{name: "Dedi", phone: "0812-1000-0004", groups: []uint64{f.pel, f.stop}},
		{name: "Eka", phone: "0812-1000-0005", groups: []uint64{f.vip}, optOut: true},
		{name: "Fajar", phone: "0812-1000-0006", groups: []uint64{f.pel}, email: "fajar@example.com", fields: []contacts.Field{{Key: "kota", Value: "Solo"}}},
		{name: "Gita", phone: "0812-1000-0007"},
		{name: "Indah", phone: "0812-1000-0009", groups: []uint64{f.gone}},
		{name: "Joko", phone: "0812-1000-0010", groups: []uint64{f.pel, f.vip, f.stop}, optOut: true},
	} {
		f.ids[p.name] = e.add(p).ID
	}
	if _, err := e.cs.Groups().Delete(f.gone); err != nil {
		t.Fatal(err)
	}
	// Hadi's phone is not a WhatsApp number.
	f.ids["Hadi"] = 900
	e.addRaw(900, "Hadi", "12345", f.pel)
	return f
}

func TestAudienceTable(t *testing.T) {
	f := newFixture(t)
	citra := f.ids["Citra"]
	var citraCreated int64
	if c, err := f.cs.Contacts().Get(citra); err == nil {
		citraCreated = c.CreatedAt
	}
	cases := []struct {
		name  string
		a     campaigns.Audience
		want  []string
		count campaigns.Count
	}{
		{"overlap counts each contact once", campaigns.Audience{Include: []uint64{f.pel, f.vip}},
			[]string{"Ani", "Budi", "Citra", "Dedi", "Fajar"},
			campaigns.Count{Recipients: 5, InGroups: 8, OptedOut: 2, InvalidPhone: 1}},
		{"exclusion comes before opt-out", campaigns.Audience{Include: []uint64{f.pel, f.vip}, Exclude: []uint64{f.stop}},
			[]string{"Ani", "Budi", "Citra", "Fajar"},
			campaigns.Count{Recipients: 4, InGroups: 8, ExcludedByGroup: 2, OptedOut: 1, InvalidPhone: 1}},
		{"the same group twice", campaigns.Audience{Include: []uint64{f.vip, f.vip}},
			[]string{"Budi", "Citra"}, campaigns.Count{Recipients: 2, InGroups: 4, OptedOut: 2}},
		{"empty group", campaigns.Audience{Include: []uint64{f.empty}}, []string{}, campaigns.Count{}},
		{"no group", campaigns.Audience{}, []string{}, campaigns.Count{}},
		{"deleted group adds nobody", campaigns.Audience{Include: []uint64{f.gone, f.vip}, Exclude: []uint64{f.gone}},
			[]string{"Budi", "Citra"}, campaigns.Count{Recipients: 2, InGroups: 4, OptedOut: 2, MissingGroups: []uint64{f.gone, f.gone}}},
		{"has email", campaigns.Audience{Include: []uint64{f.pel, f.vip}, HasEmail: true},
			[]string{"Citra", "Fajar"}, campaigns.Count{Recipients: 2, InGroups: 8, OptedOut: 2, InvalidPhone: 1, Filtered: 3}},
		{"added since", campaigns.Audience{Include: []uint64{f.pel, f.vip}, AddedSince: citraCreated},
			[]string{"Citra", "Dedi", "Fajar"}, campaigns.Count{Recipients: 3, InGroups: 8, OptedOut: 2, InvalidPhone: 1, Filtered: 2}},
		{"source", campaigns.Audience{Include: []uint64{f.vip}, Source: "import:7"},
			[]string{}, campaigns.Count{InGroups: 4, OptedOut: 2, Filtered: 2}},
		{"only excluded", campaigns.Audience{Include: []uint64{f.stop}, Exclude: []uint64{f.stop}},
			[]string{}, campaigns.Count{InGroups: 2, ExcludedByGroup: 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.count.MissingGroups == nil {
				c.count.MissingGroups = []uint64{}
			}
			got, err := f.b.Count(c.a)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.count) {
				t.Errorf("Count = %+v, want %+v", got, c.count)
			}
			page, err := f.b.Recipients(c.a, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(page.Items), c.want) {
				t.Errorf("recipients %v, want %v", names(page.Items), c.want)
			}
			if !reflect.DeepEqual(page.Count, c.count) {
				t.Errorf("page count %+v, want %+v", page.Count, c.count)
			}
			// Each phone once: phones are unique in the store, so no phone repeats.
			seen := map[string]bool{}
			for _, r := range page.Items {
				if seen[r.Phone] {
					t.Errorf("phone %s twice", r.Phone)
				}
				seen[r.Phone] = true
			}
		})
	}
}

func TestRecipientsViaGroupsAndPaging(t *testing.T) {
	f := newFixture(t)
	a := campaigns.Audience{Include: []uint64{f.vip, f.pel}}
	page, err := f.b.Recipients(a, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page.Items); !reflect.DeepEqual(got, []string{"Budi", "Citra"}) || page.Offset != 1 || page.Count.Recipients != 5 {
		t.Fatalf("page %v offset %d count %d", got, page.Offset, page.Count.Recipients)
	}
	budi := page.Items[0]
	if !reflect.DeepEqual(budi.Via, []uint64{f.pel, f.vip}) || !reflect.DeepEqual(budi.Groups, []uint64{f.pel, f.vip}) {
		t.Errorf("Budi via %v groups %v", budi.Via, budi.Groups)
	}
	if budi.Phone != "6281210000002" || budi.Display != "+62 812-1000-0002" {
		t.Errorf("Budi phone %q display %q", budi.Phone, budi.Display)
	}
	if p, err := f.b.Recipients(a, 10, 5); err != nil || len(p.Items) != 0 {
		t.Errorf("past the end: %v %v", p.Items, err)
	}
	_, err = f.b.Recipients(a, 0, 501)
	wantCode(t, err, "request.invalid")
	_, err = f.b.Recipients(a, -1, 5)
	wantCode(t, err, "request.invalid")
}

func TestSameNameOrderedByPhone(t *testing.T) {
	e := newEnv(t)
	g := e.group("Semua")
	e.add(person{name: "Budi", phone: "0813-0000-0001", groups: []uint64{g}})
	e.add(person{name: "budi", phone: "0812-0000-0001", groups: []uint64{g}})
	e.add(person{name: "Ani", phone: "0819-0000-0001", groups: []uint64{g}})
	e.add(person{name: "BUDI", phone: "0811-0000-0001", groups: []uint64{g}})
	page, err := e.b.Recipients(campaigns.Audience{Include: []uint64{g}}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range page.Items {
		got = append(got, r.Name+" "+r.Phone)
	}
	want := []string{"Ani 6281900000001", "BUDI 6281100000001", "budi 6281200000001", "Budi 6281300000001"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// A page boundary inside a run of equal names keeps the order.
	p2, _ := e.b.Recipients(campaigns.Audience{Include: []uint64{g}}, 2, 1)
	if len(p2.Items) != 1 || p2.Items[0].Phone != "6281200000001" {
		t.Errorf("page 2: %+v", p2.Items)
	}
}

func TestWhyEveryReason(t *testing.T) {
	f := newFixture(t)
	a := campaigns.Audience{Include: []uint64{f.pel, f.vip, f.gone}, Exclude: []uint64{f.stop}}
	cases := []struct {
		who    string
		a      campaigns.Audience
		reason string
	}{
		{"Budi", a, campaigns.ReasonIncluded},
		{"Gita", a, campaigns.ReasonNotInGroups},
		{"Indah", a, campaigns.ReasonNotInGroups}, // only in the deleted group
		{"Dedi", a, campaigns.ReasonExcludedGroup},
		{"Joko", a, campaigns.ReasonExcludedGroup}, // excluded and opted out: the first reason
		{"Eka", a, campaigns.ReasonOptedOut},
		{"Hadi", a, campaigns.ReasonInvalidPhone},
		{"Ani", campaigns.Audience{Include: []uint64{f.pel}, HasEmail: true}, campaigns.ReasonNoEmail},
		{"Ani", campaigns.Audience{Include: []uint64{f.pel}, AddedSince: 1 << 60}, campaigns.ReasonAddedBefore},
		{"Ani", campaigns.Audience{Include: []uint64{f.pel}, Source: "autoreply"}, campaigns.ReasonOtherSource},
	}
	for _, c := range cases {
		t.Run(c.who+" "+c.reason, func(t *testing.T) {
			w, err := f.b.Why(c.a, f.ids[c.who])
			if err != nil {
				t.Fatal(err)
			}
			if w.Reason != c.reason || w.Included != (c.reason == campaigns.ReasonIncluded) || w.ContactID != f.ids[c.who] {
				t.Errorf("Why = %+v, want reason %s", w, c.reason)
			}
		})
	}
	w, _ := f.b.Why(a, f.ids["Joko"])
	if !reflect.DeepEqual(w.Via, []uint64{f.pel, f.vip}) || !reflect.DeepEqual(w.ExcludedBy, []uint64{f.stop}) ||
		!reflect.DeepEqual(w.MissingGroups, []uint64{f.gone}) {
		t.Errorf("Joko: %+v", w)
	}
	_, err := f.b.Why(a, 12345)
	wantCode(t, err, "contact.not_found")

	// Recently contacted, after an output reached Budi.
	item, err := f.b.Save(0, campaigns.ItemInput{Name: "Promo", Message: "Halo {name}", Audience: campaigns.Audience{Include: []uint64{f.vip}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.b.Export(campaigns.ExportRequest{ItemID: item.ID, Format: "numbers", Path: filepath.Join(t.TempDir(), "n.txt")}); err != nil {
		t.Fatal(err)
	}
	w, _ = f.b.Why(campaigns.Audience{Include: []uint64{f.pel}, NotContactedDays: 7}, f.ids["Budi"])
	if w.Reason != campaigns.ReasonRecentlyContacted || w.LastContactedAt == 0 {
		t.Errorf("Budi after the output: %+v", w)
	}
}

func TestRecentlyContacted(t *testing.T) {
	f := newFixture(t)
	vip := campaigns.Audience{Include: []uint64{f.vip}}
	item, err := f.b.Save(0, campaigns.ItemInput{Kind: campaigns.KindBroadcast, Name: "VIP", Message: "Hai", Audience: vip})
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.b.Export(campaigns.ExportRequest{ItemID: item.ID, Format: "csv", Path: filepath.Join(t.TempDir(), "vip.csv")})
	if err != nil {
		t.Fatal(err)
	}
	if out.Recipients != 2 || out.ItemID != item.ID || out.ItemName != "VIP" || out.Format != "csv" {
		t.Fatalf("output %+v", out)
	}
	reached, err := f.db.Reached(out.ID)
	if err != nil || !reflect.DeepEqual(reached, []uint64{f.ids["Budi"], f.ids["Citra"]}) {
		t.Fatalf("reached %v %v", reached, err)
	}
	both := campaigns.Audience{Include: []uint64{f.pel, f.vip}, NotContactedDays: 3}
	check := func(when string) {
		t.Helper()
		page, err := f.b.Recipients(both, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(page.Items); !reflect.DeepEqual(got, []string{"Ani", "Dedi", "Fajar"}) || page.Count.RecentlyContacted != 2 {
			t.Errorf("%s: %v, count %+v", when, got, page.Count)
		}
	}
	check("right after")
	// The lookup is rebuilt from the store after a restart.
	f.reopen()
	check("after a restart")
	// Four days later, nobody is recent any more.
	f.now = f.now.Add(4 * 24 * time.Hour)
	c, _ := f.b.Count(both)
	if c.RecentlyContacted != 0 || c.Recipients != 5 {
		t.Errorf("four days later: %+v", c)
	}
	outs, err := f.b.Outputs(item.ID)
	if err != nil || len(outs) != 1 || outs[0] != out {
		t.Errorf("Outputs = %+v, %v", outs, err)
	}
	got, _ := f.b.Get(item.ID)
	if got.LastOutput == nil || *got.LastOutput != out {
		t.Errorf("LastOutput = %+v", got.LastOutput)
	}
	// Deleting the item keeps its outputs.
	if ok, err := f.b.Delete(item.ID); !ok || err != nil {
		t.Fatal(err)
	}
	if outs, _ := f.b.Outputs(0); len(outs) != 1 {
		t.Errorf("outputs after delete: %v", outs)
	}
}

func TestOptOutInBulkLeavesAudience(t *testing.T) {
	f := newFixture(t)
	a := campaigns.Audience{Include: []uint64{f.pel}}
	before, _ := f.b.Count(a)
	n, err := f.cs.Contacts().SetOptOutSelection(contacts.Selection{All: true, Query: contacts.Query{GroupID: f.pel}}, true)
	if err != nil {
		t.Fatal(err)
	}
	// Pelanggan: Ani, Budi, Dedi, Fajar, Hadi, Joko; Joko was already out.
	if n != 5 {
		t.Errorf("changed %d, want 5", n)
	}
	after, _ := f.b.Count(a)
	if after.Recipients != 0 || after.OptedOut != 6 || before.Recipients == 0 {
		t.Errorf("before %+v after %+v", before, after)
	}
	f.reopen()
	if c, _ := f.b.Count(a); !reflect.DeepEqual(c, after) {
		t.Errorf("after restart %+v, want %+v", c, after)
	}
	n, err = f.cs.Contacts().SetOptOutSelection(contacts.Selection{IDs: []uint64{f.ids["Ani"], f.ids["Ani"], 777}}, false)
	if err != nil || n != 1 {
		t.Fatalf("opt back in: %d %v", n, err)
	}
	c, _ := f.cs.Contacts().Get(f.ids["Ani"])
	if c.OptOut {
		t.Error("Ani still opted out")
	}
	if page, _ := f.b.Recipients(a, 0, 5); !reflect.DeepEqual(names(page.Items), []string{"Ani"}) {
		t.Errorf("recipients %v", names(page.Items))
	}
}

func TestTargets(t *testing.T) {
	f := newFixture(t)
	save := func(name string, a campaigns.Audience) campaigns.Item {
		it, err := f.b.Save(0, campaigns.ItemInput{Name: name, Audience: a})
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	one := save("Semua pelanggan", campaigns.Audience{Include: []uint64{f.pel}})
	two := save("VIP tanpa berhenti", campaigns.Audience{Include: []uint64{f.vip}, Exclude: []uint64{f.stop}})
	three := save("Hanya VIP email", campaigns.Audience{Include: []uint64{f.vip}, HasEmail: true})
	got, err := f.b.Targets(f.ids["Budi"])
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, w := range got {
		lines = append(lines, w.ItemName+": "+w.Why.Reason)
	}
	want := []string{"Hanya VIP email: no-email", "VIP tanpa berhenti: included", "Semua pelanggan: included"}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("targets %v, want %v", lines, want)
	}
	if got[0].ItemID != three.ID || got[1].ItemID != two.ID || got[2].ItemID != one.ID || got[0].Kind != campaigns.KindCampaign {
		t.Errorf("items %+v", got)
	}
	_, err = f.b.Targets(99999)
	wantCode(t, err, "contact.not_found")
}

func TestSaveValidationAndList(t *testing.T) {
	e := newEnv(t)
	g := e.group("Pelanggan")
	a := campaigns.Audience{Include: []uint64{g}}
	cases := []struct {
		in   campaigns.ItemInput
		code string
	}{
		{campaigns.ItemInput{Name: "  ", Audience: a}, "campaign.name.empty"},
		{campaigns.ItemInput{Name: strings.Repeat("n", campaigns.MaxNameLength+1), Audience: a}, "campaign.name.too_long"},
		{campaigns.ItemInput{Name: "x", Message: strings.Repeat("é", campaigns.MaxMessageLength+1), Audience: a}, "campaign.message.too_long"},
		{campaigns.ItemInput{Name: "x", Kind: "newsletter", Audience: a}, "campaign.kind.invalid"},
		{campaigns.ItemInput{Name: "x", Audience: campaigns.Audience{Exclude: []uint64{g}}}, "campaign.audience.empty"},
	}
	for _, c := range cases {
		_, err := e.b.Save(0, c.in)
		wantCode(t, err, c.code)
	}
	// Exactly the limits are fine.
	okName := strings.Repeat("é", campaigns.MaxNameLength)
	first, err := e.b.Save(0, campaigns.ItemInput{Name: " " + okName + " ", Message: strings.Repeat("m", campaigns.MaxMessageLength),
		Audience: campaigns.Audience{Include: []uint64{g, g}, NotContactedDays: -3}})
	if err != nil {
		t.Fatal(err)
	}
	if first.Name != okName || first.Kind != campaigns.KindCampaign || !reflect.DeepEqual(first.Audience.Include, []uint64{g}) ||
		first.Audience.NotContactedDays != 0 || first.CreatedAt == 0 || first.CreatedAt != first.UpdatedAt {
		t.Errorf("saved %+v", first)
	}
	second, err := e.b.Save(0, campaigns.ItemInput{Kind: campaigns.KindBroadcast, Name: "Siaran", Audience: a})
	if err != nil {
		t.Fatal(err)
	}
	upd, err := e.b.Save(first.ID, campaigns.ItemInput{Name: "Renamed", Audience: a})
	if err != nil {
		t.Fatal(err)
	}
	if upd.ID != first.ID || upd.CreatedAt != first.CreatedAt || upd.UpdatedAt <= first.UpdatedAt {
		t.Errorf("update %+v", upd)
	}
	_, err = e.b.Save(999, campaigns.ItemInput{Name: "x", Audience: a})
	wantCode(t, err, "campaign.not_found")
	_, err = e.b.Get(999)
	wantCode(t, err, "campaign.not_found")
	_, err = e.b.Delete(999)
	wantCode(t, err, "campaign.not_found")
	_, err = e.b.List("newsletter")
	wantCode(t, err, "campaign.kind.invalid")

	list := func(kind string) []string {
		items, err := e.b.List(kind)
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, it := range items {
			out = append(out, it.Name)
		}
		return out
	}
	if got := list(""); !reflect.DeepEqual(got, []string{"Siaran", "Renamed"}) {
		t.Errorf("List() = %v", got)
	}
	if got := list(campaigns.KindBroadcast); !reflect.DeepEqual(got, []string{"Siaran"}) {
		t.Errorf("List(broadcast) = %v", got)
	}
	if _, err := e.b.Delete(second.ID); err != nil {
		t.Fatal(err)
	}
	if got := list(""); !reflect.DeepEqual(got, []string{"Renamed"}) {
		t.Errorf("after delete: %v", got)
	}
	if n := e.ev.count("campaigns:changed"); n != 4 {
		t.Errorf("%d campaigns:changed events, want 4 (3 saves, 1 delete)", n)
	}
}

func TestExportErrors(t *testing.T) {
	f := newFixture(t)
	it, err := f.b.Save(0, campaigns.ItemInput{Name: "Promo", Message: "Halo", Audience: campaigns.Audience{Include: []uint64{f.pel}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: "pdf", Path: filepath.Join(dir, "a")})
	wantCode(t, err, "campaign.format.invalid")
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: "csv", Path: " "})
	wantCode(t, err, "campaign.path.empty")
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: 42, Format: "csv", Path: filepath.Join(dir, "a")})
	wantCode(t, err, "campaign.not_found")
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: "csv", Path: filepath.Join(dir, "missing", "a.csv")})
	wantCode(t, err, "campaign.file.unwritable")
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: "csv", Path: dir})
	wantCode(t, err, "campaign.file.unwritable")
	// An item saved by an older version without groups.
	if err := f.db.Update(func(tx *store.Txn) error {
		return tx.PutDoc("campaign", 500, campaigns.Item{ID: 500, Kind: "campaign", Name: "Old"})
	}); err != nil {
		t.Fatal(err)
	}
	_, err = f.b.Export(campaigns.ExportRequest{ItemID: 500, Format: "csv", Path: filepath.Join(dir, "b.csv")})
	wantCode(t, err, "campaign.audience.empty")
	// Nothing half-written stays behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
	if outs, _ := f.b.Outputs(0); len(outs) != 0 {
		t.Errorf("failed exports recorded: %v", outs)
	}
}

// TestNoMethodPanics calls every bound method on a service whose data could not be
// opened (the app binds it empty then): each must answer with an error, not a panic.
func TestNoMethodPanics(t *testing.T) {
	for name, svc := range map[string]*campaigns.Service{"zero": {}, "nil db": mustNew(t)} {
		b := svc.Bound()
		a := campaigns.Audience{Include: []uint64{1}}
		calls := map[string]func() error{
			"List":       func() error { _, err := b.List(""); return err },
			"Get":        func() error { _, err := b.Get(1); return err },
			"Save":       func() error { _, err := b.Save(0, campaigns.ItemInput{Name: "x", Audience: a}); return err },
			"Delete":     func() error { _, err := b.Delete(1); return err },
			"Count":      func() error { _, err := b.Count(a); return err },
			"Recipients": func() error { _, err := b.Recipients(a, 0, 10); return err },
			"Why":        func() error { _, err := b.Why(a, 1); return err },
			"Targets":    func() error { _, err := b.Targets(1); return err },
			"Preview":    func() error { _, err := b.Preview("hi {name}", a); return err },
			"Export": func() error {
				_, err := b.Export(campaigns.ExportRequest{ItemID: 1, Format: "csv", Path: "x"})
				return err
			},
			"Outputs": func() error { _, err := b.Outputs(0); return err },
		}
		for m, call := range calls {
			t.Run(name+"/"+m, func(t *testing.T) {
				if err := call(); apperr.KindOf(err) != apperr.Internal {
					t.Errorf("got %v, want an internal error", err)
				}
			})
		}
	}
	var nilSvc *campaigns.Service
	if _, err := nilSvc.Bound().List(""); err == nil {
		t.Error("a nil service answered without an error")
	}
}

func mustNew(t *testing.T) *campaigns.Service {
	s, err := campaigns.New(campaigns.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
