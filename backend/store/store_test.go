package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dir
}

func mustUpdate(t *testing.T, db *DB, fn func(*Txn) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func TestContactRoundTrip(t *testing.T) {
	db, dir := openTemp(t)
	want := Contact{
		ID: 7, Name: "Siti Nurhaliza", OriginalName: "siti", Phone: "6281234567890",
		Email: "siti@example.co.id", Source: "manual", CreatedAt: 1700000000000, UpdatedAt: 1700000000500,
		Fields: []Field{{"Kota", "Bandung"}, {"Catatan", "suka warna hijau 💚\nbaris dua"}},
	}
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutContact(want) })
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	var got Contact
	var byPhone uint64
	err = db.View(func(tx *Txn) error {
		var err error
		if got, err = tx.Contact(7); err != nil {
			return err
		}
		byPhone, err = tx.ContactIDByPhone("6281234567890")
		return err
	})
	if err != nil {
		t.Fatalf("View: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen got %+v, want %+v", got, want)
	}
	if byPhone != 7 {
		t.Errorf("phone index gives %d, want 7", byPhone)
	}
}

func TestPutContactKeepsPhoneIndexUnique(t *testing.T) {
	tests := []struct {
		name      string
		put       []Contact
		wantErr   any // nil or a pointer to the error type expected from the last put
		wantPhone map[string]uint64
	}{
		{
			name:      "new contacts",
			put:       []Contact{{ID: 1, Name: "A", Phone: "62811"}, {ID: 2, Name: "B", Phone: "62822"}},
			wantPhone: map[string]uint64{"62811": 1, "62822": 2},
		},
		{
			name:      "changing a phone frees the old one",
			put:       []Contact{{ID: 1, Name: "A", Phone: "62811"}, {ID: 1, Name: "A", Phone: "62833"}},
			wantPhone: map[string]uint64{"62811": 0, "62833": 1},
		},
		{
			name:      "a phone of another contact is refused",
			put:       []Contact{{ID: 1, Name: "A", Phone: "62811"}, {ID: 2, Name: "B", Phone: "62811"}},
			wantErr:   new(*PhoneTakenError),
			wantPhone: map[string]uint64{"62811": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTemp(t)
			var err error
			for _, c := range tt.put {
				err = db.Update(func(tx *Txn) error { return tx.PutContact(c) })
			}
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("last put: got error %v, want none", err)
			case tt.wantErr != nil && !errors.As(err, tt.wantErr):
				t.Fatalf("last put: got error %v, want %T", err, tt.wantErr)
			}
			db.View(func(tx *Txn) error {
				for phone, want := range tt.wantPhone {
					got, err := tx.ContactIDByPhone(phone)
					if want == 0 && !errors.Is(err, ErrNotFound) {
						t.Errorf("phone %s: got id %d err %v, want ErrNotFound", phone, got, err)
					}
					if want != 0 && got != want {
						t.Errorf("phone %s: got id %d err %v, want %d", phone, got, err, want)
					}
				}
				return nil
			})
		})
	}
}

func TestDeleteContactRemovesIndexAndMemberships(t *testing.T) {
	db, _ := openTemp(t)
	mustUpdate(t, db, func(tx *Txn) error {
		if err := tx.PutGroup(Group{ID: 1, Name: "VIP"}, "vip", ""); err != nil {
			return err
		}
		if err := tx.PutContact(Contact{ID: 5, Name: "Budi", Phone: "62812"}); err != nil {
			return err
		}
		_, err := tx.AddMember(1, 5)
		return err
	})
	mustUpdate(t, db, func(tx *Txn) error { return tx.DeleteContact(5) })

	if err := db.View(func(tx *Txn) error {
		_, err := tx.Contact(5)
		return err
	}); !errors.Is(err, ErrNotFound) {
		t.Errorf("contact after delete: got %v, want ErrNotFound", err)
	}
	var edges int
	db.EachMembership(func(gid, cid uint64) error { edges++; return nil })
	if edges != 0 {
		t.Errorf("got %d membership edges after delete, want 0", edges)
	}
	db.View(func(tx *Txn) error {
		if gids, _ := tx.ContactGroups(5); len(gids) != 0 {
			t.Errorf("reverse edges after delete: got %v, want none", gids)
		}
		if _, err := tx.ContactIDByPhone("62812"); !errors.Is(err, ErrNotFound) {
			t.Errorf("phone key after delete: got %v, want ErrNotFound", err)
		}
		return nil
	})
	if err := db.Update(func(tx *Txn) error { return tx.DeleteContact(5) }); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
}

func TestGroupNames(t *testing.T) {
	db, _ := openTemp(t)
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutGroup(Group{ID: 1, Name: "Pelanggan"}, "pelanggan", "") })

	var taken *GroupNameTakenError
	err := db.Update(func(tx *Txn) error { return tx.PutGroup(Group{ID: 2, Name: "PELANGGAN"}, "pelanggan", "") })
	if !errors.As(err, &taken) || taken.GroupID != 1 {
		t.Fatalf("same name, other case: got %v, want GroupNameTakenError for group 1", err)
	}

	// A rename frees the old name for another group.
	mustUpdate(t, db, func(tx *Txn) error {
		return tx.PutGroup(Group{ID: 1, Name: "Pelanggan Lama"}, "pelanggan lama", "pelanggan")
	})
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutGroup(Group{ID: 2, Name: "Pelanggan"}, "pelanggan", "") })

	gs, err := db.Groups()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range gs {
		got = append(got, g.Name)
	}
	if want := []string{"Pelanggan Lama", "Pelanggan"}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups: got %q, want %q", got, want)
	}
}

func TestMembershipsAreStoredBothWays(t *testing.T) {
	db, _ := openTemp(t)
	mustUpdate(t, db, func(tx *Txn) error {
		for _, g := range []uint64{1, 2} {
			if err := tx.PutGroup(Group{ID: g, Name: string(rune('A' + g))}, string(rune('a'+g)), ""); err != nil {
				return err
			}
		}
		for c := uint64(1); c <= 3; c++ {
			if err := tx.PutContact(Contact{ID: c, Name: "x", Phone: "6281" + string(rune('0'+c))}); err != nil {
				return err
			}
		}
		return nil
	})
	var added []bool
	mustUpdate(t, db, func(tx *Txn) error {
		for _, m := range [][2]uint64{{1, 1}, {1, 2}, {2, 2}, {1, 1}} {
			ok, err := tx.AddMember(m[0], m[1])
			if err != nil {
				return err
			}
			added = append(added, ok)
		}
		return nil
	})
	if want := []bool{true, true, true, false}; !reflect.DeepEqual(added, want) {
		t.Errorf("AddMember reported %v, want %v", added, want)
	}
	db.View(func(tx *Txn) error {
		got, _ := tx.ContactGroups(2)
		if want := []uint64{1, 2}; !reflect.DeepEqual(got, want) {
			t.Errorf("groups of contact 2: got %v, want %v", got, want)
		}
		return nil
	})

	// Removing the group's edges in bulk leaves both directions empty for it.
	mustUpdate(t, db, func(tx *Txn) error { return tx.DeleteGroup(1, "b") })
	if err := db.RemoveMemberships(1); err != nil {
		t.Fatal(err)
	}
	var edges [][2]uint64
	db.EachMembership(func(g, c uint64) error { edges = append(edges, [2]uint64{g, c}); return nil })
	if want := [][2]uint64{{2, 2}}; !reflect.DeepEqual(edges, want) {
		t.Errorf("edges after removing group 1: got %v, want %v", edges, want)
	}
	db.View(func(tx *Txn) error {
		got, _ := tx.ContactGroups(1)
		if len(got) != 0 {
			t.Errorf("reverse edges of contact 1: got %v, want none", got)
		}
		return nil
	})
}

func TestRemoveMembershipsOfALargeGroup(t *testing.T) {
	db, _ := openTemp(t)
	const n = 5000 // more than one cleanup batch
	for start := uint64(1); start <= n; start += 1000 {
		mustUpdate(t, db, func(tx *Txn) error {
			for c := start; c < start+1000; c++ {
				if err := tx.InsertContact(Contact{ID: c, Name: "x", Phone: fmt.Sprint(628100000000 + c)}); err != nil {
					return err
				}
				if _, err := tx.AddMember(9, c); err != nil {
					return err
				}
				if _, err := tx.AddMember(c%3, c); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := db.RemoveMemberships(9); err != nil {
		t.Fatalf("RemoveMemberships: %v", err)
	}
	var edges int
	db.EachMembership(func(g, c uint64) error {
		if g == 9 || g != c%3 {
			t.Errorf("membership %d of contact %d left, want only group %d", g, c, c%3)
		}
		edges++
		return nil
	})
	if edges != n {
		t.Errorf("got %d memberships left, want %d", edges, n)
	}
	// Every other field of the records is as it was.
	db.View(func(tx *Txn) error {
		c, err := tx.Contact(4321)
		if err != nil || c.Phone != "628100004321" || c.Name != "x" {
			t.Errorf("contact 4321 after the cleanup: %+v, %v", c, err)
		}
		return nil
	})
}

// TestOpenMovesSchema1MembershipsIntoTheRecords writes a folder the way schema 1 did
// (format 2 records, memberships as m/ and r/ keys, and an edge of a deleted contact) and
// checks that Open moves every membership into the records, removes the keys and records
// schema 2. The first 500 contacts were moved already by an open that was interrupted
// (records with their groups, keys still there), as a crash during the move leaves them.
func TestOpenMovesSchema1MembershipsIntoTheRecords(t *testing.T) {
	db, dir := openTemp(t)
	format2 := func(c Contact) []byte {
		b := encodeContact(&c)
		b[0] = contactFormat2
		return b[:len(b)-1] // no group count
	}
	err := db.bdb.Update(func(txn *badger.Txn) error {
		set := func(k, v []byte) {
			if err := txn.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		set([]byte(keySchemaVersion), binary.AppendUvarint(nil, 1))
		for id := uint64(1); id <= 3000; id++ {
			c := Contact{ID: id, Name: fmt.Sprint("C", id), Phone: fmt.Sprint(628110000000 + id), Source: "manual", NameSource: NameTyped}
			set(phoneKey(c.Phone), idValue(id))
			if id <= 500 {
				set(contactKey(id), encodeContactIn(&c, []uint64{id%4 + 1, 7}))
			} else {
				set(contactKey(id), format2(c))
			}
			for _, g := range []uint64{id%4 + 1, 7} {
				set(memberKey(g, id), nil)
				set(memberOfKey(id, g), nil)
			}
		}
		set(memberKey(7, 99999), nil) // a contact that is gone
		set(memberOfKey(99999, 7), nil)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	check := func() {
		t.Helper()
		n := 0
		db.EachMembership(func(g, c uint64) error {
			if c > 3000 || (g != c%4+1 && g != 7) {
				t.Errorf("unexpected membership %d of contact %d", g, c)
			}
			n++
			return nil
		})
		if n != 6000 {
			t.Errorf("got %d memberships, want 6000", n)
		}
		db.View(func(tx *Txn) error {
			for _, prefix := range []string{prefixMember, prefixMemberOf} {
				tx.scanKeys([]byte(prefix), func(k []byte) error {
					t.Errorf("key %q left after the move", k)
					return nil
				})
			}
			c, err := tx.Contact(1234)
			if err != nil || c.Name != "C1234" || c.Phone != "628110001234" {
				t.Errorf("contact 1234 after the move: %+v, %v", c, err)
			}
			if gids, _ := tx.ContactGroups(1000); !reflect.DeepEqual(gids, []uint64{1, 7}) {
				t.Errorf("groups of contact 1000: %v, want [1 7]", gids)
			}
			return nil
		})
	}
	check()
	db.Close()
	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer db.Close()
	check()
	db.View(func(tx *Txn) error {
		v, _ := tx.get([]byte(keySchemaVersion))
		if got, _ := binary.Uvarint(v); got != schemaVersion {
			t.Errorf("schema after the move: %d, want %d", got, schemaVersion)
		}
		return nil
	})
}

func TestSecondOpenIsLocked(t *testing.T) {
	_, dir := openTemp(t)
	db2, err := Open(dir, Options{})
	if err == nil {
		db2.Close()
		t.Fatal("second Open of the same folder succeeded, want ErrLocked")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second Open: got %v, want ErrLocked", err)
	}
}

func TestNextIDNeverRepeats(t *testing.T) {
	db, dir := openTemp(t)
	seen := map[uint64]bool{}
	for i := 0; i < 300; i++ {
		id, err := db.NextID("contact")
		if err != nil {
			t.Fatal(err)
		}
		if id == 0 || seen[id] {
			t.Fatalf("NextID gave %d, which is zero or repeated", id)
		}
		seen[id] = true
	}
	db.Close()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	id, err := db.NextID("contact")
	if err != nil || seen[id] {
		t.Errorf("after reopen NextID gave %d (err %v), which was already used", id, err)
	}
	if g, _ := db.NextID("group"); g != 1 {
		t.Errorf("first group ID: got %d, want 1", g)
	}
}

func TestSettings(t *testing.T) {
	db, _ := openTemp(t)
	if err := db.View(func(tx *Txn) error { _, err := tx.Setting("language"); return err }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unset setting: got %v, want ErrNotFound", err)
	}
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutSetting("language", "id") })
	var got string
	db.View(func(tx *Txn) error { got, _ = tx.Setting("language"); return nil })
	if got != "id" {
		t.Errorf("setting: got %q, want %q", got, "id")
	}
}

func TestCorruptRecordIsAnError(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"unknown format", []byte{99, 1, 'a'}},
		{"truncated string", []byte{contactFormat1, 10, 'a'}},
		{"absurd field count", append(encodeContact(&Contact{Name: "a"})[:len(encodeContact(&Contact{Name: "a"}))-1], 0xff, 0x7f)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeContact(1, tt.b); !errors.Is(err, errCorrupt) {
				t.Errorf("decodeContact(%v): got %v, want errCorrupt", tt.b, err)
			}
		})
	}
}

// TestFormat1ContactsStillRead checks that contacts written before the name's source and
// the flags existed read back, with the source derived from how they arrived.
func TestFormat1ContactsStillRead(t *testing.T) {
	v1 := func(name, source string) []byte {
		b := []byte{contactFormat1}
		for _, s := range []string{name, name, "6281234567890", "", source} {
			b = appendString(b, s)
		}
		b = binary.AppendVarint(b, 1)
		b = binary.AppendVarint(b, 2)
		return binary.AppendUvarint(b, 0)
	}
	tests := []struct {
		source, wantNameSource string
	}{
		{"manual", NameTyped},
		{"import:3", NameImport},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			c, err := decodeContact(9, v1("Budi", tt.source))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if c.Name != "Budi" || c.NameSource != tt.wantNameSource || c.NameLocked || c.OptOut {
				t.Errorf("got %+v, want Budi with name source %s", c, tt.wantNameSource)
			}
		})
	}
}

func TestReachedRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	// More than one chunk, with gaps of every size.
	var ids []uint64
	for i := uint64(1); len(ids) < ReachedChunk+10; i += 1 + i%300 {
		ids = append(ids, i)
	}
	if err := db.PutReached(7, 1_700_000_000_000, ids); err != nil {
		t.Fatal(err)
	}
	if err := db.PutReached(9, 1_700_000_100_000, []uint64{1, 1 << 40}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutReached(8, 5, []uint64{3, 2}); err == nil {
		t.Error("IDs out of order were accepted")
	}
	got, err := db.Reached(7)
	if err != nil || !reflect.DeepEqual(got, ids) {
		t.Fatalf("Reached(7): %d IDs, %v", len(got), err)
	}
	n, last := map[uint64]int{}, map[uint64]int64{}
	if err := db.EachReached(func(out uint64, at int64, cid uint64) {
		n[out]++
		last[cid] = max(last[cid], at)
	}); err != nil {
		t.Fatal(err)
	}
	if n[7] != len(ids) || n[9] != 2 || n[8] != 0 || last[1] != 1_700_000_100_000 || last[1<<40] != 1_700_000_100_000 {
		t.Errorf("EachReached: counts %v", n)
	}
	// Compact: about a byte and a half per contact here, not a JSON array.
	var size int
	db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefixReached)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			size += int(it.Item().ValueSize())
		}
		return nil
	})
	if size > 2*len(ids) {
		t.Errorf("%d bytes for %d contacts", size, len(ids))
	}
}

func TestSummaryOptOut(t *testing.T) {
	db, _ := openTemp(t)
	mustUpdate(t, db, func(tx *Txn) error {
		if err := tx.PutContact(Contact{ID: 1, Name: "A", Phone: "6281200000001", Fields: []Field{{"k", "v"}, {"x", "y"}}, NameSource: NameTyped, OptOut: true}); err != nil {
			return err
		}
		return tx.PutContact(Contact{ID: 2, Name: "B", Phone: "6281200000002", NameLocked: true})
	})
	got := map[uint64]bool{}
	if err := db.EachContactSummary(func(_ int, c *ContactSummary) error {
		got[c.ID] = c.OptOut
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !got[1] || got[2] || len(got) != 2 {
		t.Errorf("opt-out flags %v", got)
	}
}

func TestEachContactIn(t *testing.T) {
	db, _ := openTemp(t)
	mustUpdate(t, db, func(tx *Txn) error {
		for id := uint64(1); id <= 300; id++ {
			if id%7 == 0 {
				continue // gaps, as deletes leave
			}
			if err := tx.PutContact(Contact{ID: id, Name: "c", Phone: "628120000" + string(rune('0'+id/100)) + string(rune('0'+id/10%10)) + string(rune('0'+id%10))}); err != nil {
				return err
			}
		}
		return nil
	})
	want := []uint64{}
	ask := []uint64{}
	for _, id := range []uint64{1, 2, 3, 7, 8, 40, 41, 42, 49, 50, 120, 121, 250, 299, 300, 301, 1 << 40} {
		ask = append(ask, id)
		if id%7 != 0 && id <= 300 {
			want = append(want, id)
		}
	}
	var got []uint64
	if err := db.EachContactIn(ask, func(c Contact) error { got = append(got, c.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if err := db.EachContactIn(nil, func(Contact) error { t.Error("called"); return nil }); err != nil {
		t.Fatal(err)
	}
}

// TestMembershipsKeepTheRestOfTheRecord checks that joining and leaving groups, which
// edit a record's group list in place, leave every other field as it was.
func TestMembershipsKeepTheRestOfTheRecord(t *testing.T) {
	db, _ := openTemp(t)
	want := Contact{ID: 3, Name: "Siti", OriginalName: "siti", Phone: "6281234567890", Email: "s@example.com",
		Source: "import:4", Fields: []Field{{"Kota", "Bandung"}, {"Catatan", "baris\ndua"}}, CreatedAt: 1700000000000,
		UpdatedAt: -5, NameSource: NameDetected, NameLocked: true, SuggestedName: "Bu Siti", OptOut: true}
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutContact(want) })
	for _, step := range []struct {
		add  bool
		gid  uint64
		ok   bool
		want []uint64
	}{{true, 300, true, []uint64{300}}, {true, 2, true, []uint64{2, 300}}, {true, 300, false, []uint64{2, 300}},
		{true, 1 << 40, true, []uint64{2, 300, 1 << 40}}, {false, 300, true, []uint64{2, 1 << 40}}, {false, 7, false, []uint64{2, 1 << 40}}} {
		var ok bool
		mustUpdate(t, db, func(tx *Txn) error {
			var err error
			if step.add {
				ok, err = tx.AddMember(step.gid, 3)
			} else {
				ok, err = tx.RemoveMember(step.gid, 3)
			}
			return err
		})
		db.View(func(tx *Txn) error {
			got, err := tx.Contact(3)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("after %+v: record %+v, %v", step, got, err)
			}
			if gids, _ := tx.ContactGroups(3); ok != step.ok || !reflect.DeepEqual(gids, step.want) {
				t.Errorf("after %+v: changed %v, groups %v", step, ok, gids)
			}
			return nil
		})
	}
	// Writing the contact again keeps its groups.
	want.Name = "Siti Aminah"
	mustUpdate(t, db, func(tx *Txn) error { return tx.PutContact(want) })
	db.View(func(tx *Txn) error {
		if gids, _ := tx.ContactGroups(3); !reflect.DeepEqual(gids, []uint64{2, 1 << 40}) {
			t.Errorf("groups after PutContact: %v", gids)
		}
		return nil
	})
}
