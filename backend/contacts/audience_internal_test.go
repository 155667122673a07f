package contacts

import (
	"fmt"
	"reflect"
	"testing"

	"kontak/backend/store"
)

// TestAudienceIndexInStep checks that the opt-out bitset and the creation times follow
// every write of the index: inserts, edits, deletes, compaction and a load from the
// store.
func TestAudienceIndexInStep(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	x := newIndex()
	x.putGroup(store.Group{ID: 1, Name: "G"}, "g")
	var recs []store.Contact
	for i := range 40 {
		c := store.Contact{ID: uint64(i + 1), Name: fmt.Sprintf("C%02d", i), Phone: fmt.Sprintf("62812000%05d", i),
			CreatedAt: int64(1000 + i), OptOut: i%4 == 0}
		recs = append(recs, c)
		x.putContact(&c, []uint64{1})
		if err := db.Update(func(t *store.Txn) error {
			if err := t.PutGroup(store.Group{ID: 1, Name: "G"}, "g", ""); err != nil {
				return err
			}
			if err := t.PutContact(c); err != nil {
				return err
			}
			_, err := t.AddMember(1, c.ID)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	spec := AudienceSpec{Include: []uint64{1}, AddedSince: 1010}
	// Ten opted out (every fourth); seven more created before 1010.
	want := AudienceCount{Recipients: 23, InGroups: 40, OptedOut: 10, Filtered: 7}
	check := func(when string, x *index, want AudienceCount) {
		t.Helper()
		if got := x.resolveAudience(spec).count; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, want %+v", when, got, want)
		}
	}
	check("after inserts", x, want)
	// Contact 22 opts out by an edit; contact 1 opts back in and is then filtered.
	recs[21].OptOut, recs[0].OptOut = true, false
	x.putContact(&recs[21], []uint64{1})
	x.putContact(&recs[0], []uint64{1})
	want = AudienceCount{Recipients: 22, InGroups: 40, OptedOut: 10, Filtered: 8}
	check("after edits", x, want)
	x.deleteContact(9)  // opted out
	x.deleteContact(12) // a recipient
	want = AudienceCount{Recipients: 21, InGroups: 38, OptedOut: 9, Filtered: 8}
	check("after deletes", x, want)
	x.compact()
	check("after compaction", x, want)

	loaded, edges, err := loadIndex(db)
	if err != nil {
		t.Fatal(err)
	}
	loaded.putGroup(store.Group{ID: 1, Name: "G"}, "g")
	loaded.applyMemberships(edges)
	check("loaded from the store", loaded, AudienceCount{Recipients: 23, InGroups: 40, OptedOut: 10, Filtered: 7})
}
