// Package store keeps Kontak's contacts, groups, memberships and settings in an embedded
// Badger database. It is the only package that imports Badger: keys.go documents the key
// schema, record.go the record encoding, and this file opening, closing and transactions.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// ErrNotFound reports that a record or index entry does not exist.
var ErrNotFound = errors.New("not found")

// ErrLocked reports that another process (a second Kontak window, or the CLI while the app
// is open) holds the data folder. Badger allows one process per folder.
var ErrLocked = errors.New("Kontak is already open")

// PhoneTakenError reports that a phone number already belongs to another contact.
type PhoneTakenError struct {
	Phone     string
	ContactID uint64
}

func (e *PhoneTakenError) Error() string {
	return fmt.Sprintf("phone %s belongs to contact %d", e.Phone, e.ContactID)
}

// GroupNameTakenError reports that another group has the same name, ignoring case.
type GroupNameTakenError struct {
	Name    string
	GroupID uint64
}

func (e *GroupNameTakenError) Error() string {
	return fmt.Sprintf("group name %q belongs to group %d", e.Name, e.GroupID)
}

// DB is an open Kontak database. It is safe for concurrent use.
type DB struct {
	bdb      *badger.DB
	mu       sync.Mutex // guards seqs
	seqs     map[string]*sequence
	stopGC   chan struct{}
	gcDone   chan struct{}
	closeErr error
	closed   sync.Once
}

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// InMemory keeps everything in memory; dir is ignored. Tests and benchmarks use it.
	InMemory bool
	// GCInterval is how often value-log garbage collection runs; zero means ten minutes.
	GCInterval time.Duration
}

// badgerOptions are chosen for a desktop app rather than a server (see
// shared/notes/performance-floors.md §4): small memtables instead of 64 MB, 64 MB value-log
// files instead of 1 GB, one version per key, and ZSTD level 1, which made bulk writes
// faster than no compression and the folder 2.2 times smaller. Writes are not synced on
// every commit: the OS flushes within seconds, Close syncs, and a crash loses at most the
// last moments without ever leaving a half-written transaction.
//
// The memtables are what a bulk import's memory depends on, measured with the benchmark's
// million-row import (bench-step import, GOMEMLIMIT 320 MiB, a busy 2-core machine): a
// memtable costs its arena, its mapped write-ahead file and, while it is flushed, a table
// builder that grows by doubling to about 3.5 times its size. 12 MB memtables, at most 3
// (1 being written, 2 waiting for a flush, instead of 5), kept the peak at 377–395 MB
// against 397–425 MB for 16 MB × 5, for the same CPU time; 8 MB memtables saved another
// 20 MB but made L0 compaction cost 15% more CPU.
func badgerOptions(dir string, o Options) badger.Options {
	opts := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{}).
		WithMemTableSize(12 << 20).
		WithNumMemtables(3).
		WithValueLogFileSize(64 << 20).
		WithNumVersionsToKeep(1).
		WithSyncWrites(false).
		WithCompression(options.ZSTD).
		WithZSTDCompressionLevel(1).
		WithBlockCacheSize(64 << 20).
		WithMetricsEnabled(false)
	if o.InMemory {
		opts = opts.WithDir("").WithValueDir("").WithInMemory(true)
	}
	return opts
}

// Open opens (creating if needed) the database in dir. It returns ErrLocked when another
// process has the folder open.
func Open(dir string, o Options) (*DB, error) {
	if !o.InMemory {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	bdb, err := badger.Open(badgerOptions(dir, o))
	if err != nil {
		if strings.Contains(err.Error(), "Another process is using this Badger database") {
			return nil, fmt.Errorf("open %s: %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("open database: %w", err)
	}
	db := &DB{
		bdb:    bdb,
		seqs:   make(map[string]*sequence),
		stopGC: make(chan struct{}),
		gcDone: make(chan struct{}),
	}
	if err := db.checkSchema(); err != nil {
		bdb.Close()
		return nil, err
	}
	interval := o.GCInterval
	if interval <= 0 {
		interval = 10 * time.Minute
	}
	go db.runGC(interval)
	return db, nil
}

func (db *DB) checkSchema() error {
	var got uint64
	err := db.bdb.Update(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(keySchemaVersion))
		if errors.Is(err, badger.ErrKeyNotFound) {
			got = schemaVersion
			return txn.Set([]byte(keySchemaVersion), binary.AppendUvarint(nil, schemaVersion))
		}
		if err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		return item.Value(func(v []byte) error {
			var n int
			got, n = binary.Uvarint(v)
			if n <= 0 {
				return fmt.Errorf("read schema version: %w", errCorrupt)
			}
			if got > schemaVersion {
				return fmt.Errorf("the data folder was written by a newer Kontak (schema %d, this one knows %d)", got, schemaVersion)
			}
			return nil
		})
	})
	if err != nil || got == schemaVersion {
		return err
	}
	if err := db.migrateMemberships(); err != nil {
		return fmt.Errorf("move memberships into the contact records: %w", err)
	}
	return db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(keySchemaVersion), binary.AppendUvarint(nil, schemaVersion))
	})
}

// migrateMemberships turns schema 1 into schema 2: it moves the memberships into the
// contact records, then drops the m/ and r/ keys, and its caller then writes schema 2.
// Schema 1 wrote and deleted the two keys of a membership in one transaction, so the r/
// keys (contact order) are all of them. Adding a group a record already lists changes
// nothing, so an interrupted migration simply runs again at the next open, before anyone
// else can write.
//
// The records of a batch of r/ keys are read with one forward iterator rather than a
// lookup each, and the keys are dropped at the end with one DropPrefix rather than a
// delete each: at a million contacts in 1.5 million memberships, per-key lookups and
// deletes took a minute or more, mostly in compacting the rewrites and tombstones.
func (db *DB) migrateMemberships() error {
	const batch = 2000 // memberships; a batch writes at most one record each
	from := []byte(prefixMemberOf)
	for {
		var edges []Membership
		err := db.View(func(t *Txn) error {
			return t.scanKeysFrom([]byte(prefixMemberOf), from, func(k []byte) error {
				from = append(append(from[:0], k...), 0)
				if cid, gid, ok := pairFromKey(prefixMemberOf, k); ok {
					edges = append(edges, Membership{GroupID: gid, ContactID: cid})
				}
				if len(edges) == batch {
					return errBatchFull
				}
				return nil
			})
		})
		if err != nil && !errors.Is(err, errBatchFull) {
			return err
		}
		if len(edges) == 0 {
			break
		}
		if err := db.moveContactOrdered(edges); err != nil {
			return err
		}
	}
	return db.bdb.DropPrefix([]byte(prefixMember), []byte(prefixMemberOf))
}

// moveContactOrdered moves a batch of memberships ordered by contact into the records.
func (db *DB) moveContactOrdered(edges []Membership) error {
	// The records of the batch, read in one pass.
	records := make(map[uint64][]byte)
	first, last := edges[0].ContactID, edges[len(edges)-1].ContactID
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixContact)
		it := txn.NewIterator(o)
		defer it.Close()
		next := 0
		for it.Seek(contactKey(first)); it.Valid(); it.Next() {
			id, ok := idFromKey(prefixContact, it.Item().Key())
			if !ok {
				continue
			}
			if id > last {
				break
			}
			for next < len(edges) && edges[next].ContactID < id {
				next++
			}
			if next < len(edges) && edges[next].ContactID == id {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				records[id] = v
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return db.Update(func(t *Txn) error {
		for i := 0; i < len(edges); {
			cid := edges[i].ContactID
			j := i
			for j < len(edges) && edges[j].ContactID == cid {
				j++
			}
			if v, ok := records[cid]; ok {
				c, groups, err := decodeContactIn(cid, v, nil)
				if err != nil {
					return err
				}
				for _, e := range edges[i:j] {
					if k, found := slices.BinarySearch(groups, e.GroupID); !found {
						groups = slices.Insert(groups, k, e.GroupID)
					}
				}
				if err := t.setGroups(&c, groups); err != nil {
					return err
				}
			} // a membership of a contact that is gone goes with the keys
			i = j
		}
		return nil
	})
}

// runGC reclaims value-log space now and then. Kontak's values are small and live in the
// LSM tree, so there is usually nothing to do, but a long-lived database must not grow
// without bound if large values ever land in the value log.
func (db *DB) runGC(interval time.Duration) {
	defer close(db.gcDone)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-db.stopGC:
			return
		case <-t.C:
			for db.bdb.RunValueLogGC(0.5) == nil {
			}
		}
	}
}

// Close releases ID sequences, stops garbage collection and closes the database,
// flushing everything to disk. It is safe to call more than once.
func (db *DB) Close() error {
	db.closed.Do(func() {
		close(db.stopGC)
		<-db.gcDone
		db.mu.Lock()
		if err := db.releaseSequences(); err != nil {
			slog.Warn("release sequences", "err", err)
		}
		db.seqs = nil
		db.mu.Unlock()
		db.closeErr = db.bdb.Close()
	})
	return db.closeErr
}

// NextID returns the next ID of a sequence ("contact", "group", "import"). IDs start at
// 1 and are never reused. They are leased from the database in blocks, so that a bulk
// import does not write the sequence once per contact; Close gives the unused rest of a
// block back, and a crash merely skips it.
func (db *DB) NextID(name string) (uint64, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.seqs == nil {
		return 0, errors.New("database is closed")
	}
	s := db.seqs[name]
	if s == nil {
		s = &sequence{}
		db.seqs[name] = s
	}
	if s.next == s.leased {
		err := db.bdb.Update(func(txn *badger.Txn) error {
			stored, err := readUint64(txn, sequenceKey(name))
			if err != nil {
				return err
			}
			s.next = max(stored, 1)
			s.leased = s.next + idLease
			return txn.Set(sequenceKey(name), binary.BigEndian.AppendUint64(nil, s.leased))
		})
		if err != nil {
			s.next, s.leased = 0, 0
			return 0, fmt.Errorf("sequence %s: %w", name, err)
		}
	}
	id := s.next
	s.next++
	return id, nil
}

// idLease is how many IDs one write of a sequence reserves.
const idLease = 10_000

// sequence is the leased block of one ID sequence: next is the next ID to hand out,
// leased the first ID beyond the block.
type sequence struct{ next, leased uint64 }

func readUint64(txn *badger.Txn, key []byte) (uint64, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var v uint64
	err = item.Value(func(b []byte) error {
		if len(b) != 8 {
			return errCorrupt
		}
		v = binary.BigEndian.Uint64(b)
		return nil
	})
	return v, err
}

// releaseSequences writes back where each sequence stands, so the unused part of its
// lease is used after the next start.
func (db *DB) releaseSequences() error {
	return db.bdb.Update(func(txn *badger.Txn) error {
		for name, s := range db.seqs {
			if s.leased == 0 {
				continue
			}
			if err := txn.Set(sequenceKey(name), binary.BigEndian.AppendUint64(nil, s.next)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Update runs fn in a read-write transaction and commits it; if fn returns an error
// nothing is written. A commit that loses a race with another writer is retried.
func (db *DB) Update(fn func(*Txn) error) error {
	for attempt := 0; ; attempt++ {
		err := db.bdb.Update(func(txn *badger.Txn) error { return fn(&Txn{txn: txn}) })
		if errors.Is(err, badger.ErrConflict) && attempt < 5 {
			continue
		}
		return err
	}
}

// View runs fn in a read-only transaction.
func (db *DB) View(fn func(*Txn) error) error {
	return db.bdb.View(func(txn *badger.Txn) error { return fn(&Txn{txn: txn}) })
}

// IsTooBig reports whether a transaction grew past what Badger commits at once; callers
// that write many records split their work into smaller transactions.
func IsTooBig(err error) bool { return errors.Is(err, badger.ErrTxnTooBig) }

// Txn is a transaction over Kontak's records. Its methods keep records and their index
// keys in step; nothing else writes keys.
type Txn struct {
	txn *badger.Txn
}

func (t *Txn) get(key []byte) ([]byte, error) {
	item, err := t.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

func (t *Txn) getID(key []byte) (uint64, error) {
	v, err := t.get(key)
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, errCorrupt
	}
	return binary.BigEndian.Uint64(v), nil
}

// Contact returns the contact with the given ID, or ErrNotFound.
func (t *Txn) Contact(id uint64) (Contact, error) {
	v, err := t.get(contactKey(id))
	if err != nil {
		return Contact{}, err
	}
	return decodeContact(id, v)
}

// ContactIDByPhone returns the ID of the contact with this canonical phone, or ErrNotFound.
func (t *Txn) ContactIDByPhone(phone string) (uint64, error) {
	return t.getID(phoneKey(phone))
}

// PutContact writes c and its phone key, keeping the groups a stored contact with its ID
// is in. When c replaces a stored contact whose phone differs, the old phone key is
// removed. A phone that belongs to another contact gives a *PhoneTakenError and writes
// nothing.
func (t *Txn) PutContact(c Contact) error {
	if c.ID == 0 || c.Phone == "" {
		return errors.New("put contact: missing id or phone")
	}
	owner, err := t.ContactIDByPhone(c.Phone)
	switch {
	case err == nil && owner != c.ID:
		return &PhoneTakenError{Phone: c.Phone, ContactID: owner}
	case err != nil && !errors.Is(err, ErrNotFound):
		return fmt.Errorf("read phone index: %w", err)
	}
	old, groups, err := t.contactIn(c.ID)
	switch {
	case err == nil && old.Phone != c.Phone:
		if err := t.txn.Delete(phoneKey(old.Phone)); err != nil {
			return err
		}
	case err != nil && !errors.Is(err, ErrNotFound):
		return fmt.Errorf("read contact: %w", err)
	}
	if err := t.txn.Set(contactKey(c.ID), encodeContactIn(&c, groups)); err != nil {
		return err
	}
	return t.txn.Set(phoneKey(c.Phone), idValue(c.ID))
}

// contactIn returns a stored contact and its groups, or ErrNotFound.
func (t *Txn) contactIn(id uint64) (Contact, []uint64, error) {
	v, err := t.get(contactKey(id))
	if err != nil {
		return Contact{}, nil, err
	}
	return decodeContactIn(id, v, nil)
}

// setGroups rewrites a stored contact with a new group list.
func (t *Txn) setGroups(c *Contact, groups []uint64) error {
	return t.txn.Set(contactKey(c.ID), encodeContactIn(c, groups))
}

// InsertContact writes a new contact, in no group, and its phone key without reading
// anything first. The caller guarantees that the ID is new and the phone free (the
// contacts service knows from its index, under its write lock); bulk imports use it
// because the two reads of PutContact would double their cost.
func (t *Txn) InsertContact(c Contact) error { return t.InsertContactInGroups(c, nil) }

// InsertContactInGroups is InsertContact for a contact that starts in the given groups:
// record, groups and phone key are two keys, whatever the number of groups.
func (t *Txn) InsertContactInGroups(c Contact, groups []uint64) error {
	if c.ID == 0 || c.Phone == "" {
		return errors.New("insert contact: missing id or phone")
	}
	if !slices.IsSorted(groups) {
		groups = slices.Sorted(slices.Values(groups))
	}
	if err := t.txn.Set(contactKey(c.ID), encodeContactIn(&c, slices.Compact(groups))); err != nil {
		return err
	}
	return t.txn.Set(phoneKey(c.Phone), idValue(c.ID))
}

// InsertMember puts a contact in a group; it is AddMember for callers that do not need
// to know whether the membership is new.
func (t *Txn) InsertMember(gid, cid uint64) error {
	_, err := t.AddMember(gid, cid)
	return err
}

// DeleteContact removes the contact, which takes its memberships with it, and its phone
// key. It returns ErrNotFound if there is no such contact.
func (t *Txn) DeleteContact(id uint64) error {
	c, err := t.Contact(id)
	if err != nil {
		return err
	}
	if err := t.txn.Delete(phoneKey(c.Phone)); err != nil {
		return err
	}
	return t.txn.Delete(contactKey(id))
}

// ContactGroups returns the IDs of the groups the contact is in, in ID order; none for a
// contact that does not exist. Groups deleted since may still be listed until
// DB.RemoveMemberships has run for them.
func (t *Txn) ContactGroups(cid uint64) ([]uint64, error) {
	v, err := t.get(contactKey(cid))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return recordGroups(cid, v, nil)
}

// Group returns the group with the given ID, or ErrNotFound.
func (t *Txn) Group(id uint64) (Group, error) {
	v, err := t.get(groupKey(id))
	if err != nil {
		return Group{}, err
	}
	return decodeGroup(id, v)
}

// GroupIDByName returns the ID of the group whose folded name is fold, or ErrNotFound.
// The caller folds the name (contacts.FoldGroupName) so the rule lives in one place.
func (t *Txn) GroupIDByName(fold string) (uint64, error) {
	return t.getID(groupNameKey(fold))
}

// PutGroup writes g and its name key under fold, the case-folded name. A rename removes
// the old name key. A name that belongs to another group gives a *GroupNameTakenError.
func (t *Txn) PutGroup(g Group, fold, oldFold string) error {
	if g.ID == 0 || fold == "" {
		return errors.New("put group: missing id or name")
	}
	owner, err := t.GroupIDByName(fold)
	switch {
	case err == nil && owner != g.ID:
		return &GroupNameTakenError{Name: g.Name, GroupID: owner}
	case err != nil && !errors.Is(err, ErrNotFound):
		return fmt.Errorf("read group-name index: %w", err)
	}
	if oldFold != "" && oldFold != fold {
		if err := t.txn.Delete(groupNameKey(oldFold)); err != nil {
			return err
		}
	}
	if err := t.txn.Set(groupKey(g.ID), encodeGroup(&g)); err != nil {
		return err
	}
	return t.txn.Set(groupNameKey(fold), idValue(g.ID))
}

// DeleteGroup removes the group record and its name key. Its membership edges become
// orphans; DB.RemoveMemberships deletes them afterwards in batches, because a large group
// has more edges than one transaction can hold.
func (t *Txn) DeleteGroup(id uint64, fold string) error {
	if _, err := t.Group(id); err != nil {
		return err
	}
	if err := t.txn.Delete(groupNameKey(fold)); err != nil {
		return err
	}
	return t.txn.Delete(groupKey(id))
}

// AddMember puts the contact in the group by rewriting its record. It reports whether
// the membership is new; a contact that does not exist joins nothing.
func (t *Txn) AddMember(gid, cid uint64) (bool, error) {
	return t.editGroups(cid, func(groups []uint64) ([]uint64, bool) {
		i, found := slices.BinarySearch(groups, gid)
		if found {
			return groups, false
		}
		return slices.Insert(groups, i, gid), true
	})
}

// RemoveMember takes the contact out of the group by rewriting its record. It reports
// whether there was such a membership.
func (t *Txn) RemoveMember(gid, cid uint64) (bool, error) {
	return t.editGroups(cid, func(groups []uint64) ([]uint64, bool) {
		i, found := slices.BinarySearch(groups, gid)
		if !found {
			return groups, false
		}
		return slices.Delete(groups, i, i+1), true
	})
}

// editGroups rewrites a contact's group list with edit, which reports whether it changed
// anything. A format 3 record is edited in place, its other fields copied as bytes (bulk
// group actions rewrite a hundred thousand records); an older one is decoded and written
// anew. A contact that does not exist is left alone.
func (t *Txn) editGroups(cid uint64, edit func([]uint64) ([]uint64, bool)) (bool, error) {
	v, err := t.get(contactKey(cid))
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if len(v) > 0 && v[0] == contactFormat3 {
		var buf [8]uint64
		at, groups, err := groupsAt(cid, v, buf[:0])
		if err != nil {
			return false, err
		}
		groups, changed := edit(groups)
		if !changed {
			return false, nil
		}
		return true, t.txn.Set(contactKey(cid), withGroups(v, at, groups))
	}
	c, groups, err := decodeContactIn(cid, v, nil)
	if err != nil {
		return false, err
	}
	groups, changed := edit(groups)
	if !changed {
		return false, nil
	}
	return true, t.setGroups(&c, groups)
}

// eachContactGroups calls fn with every contact's ID and groups, in ID order; groups is
// reused between calls.
func (t *Txn) eachContactGroups(fn func(id uint64, groups []uint64) error) error {
	return t.eachContactGroupsFrom(0, fn)
}

func (t *Txn) eachContactGroupsFrom(from uint64, fn func(id uint64, groups []uint64) error) error {
	o := badger.DefaultIteratorOptions
	o.Prefix = []byte(prefixContact)
	it := t.txn.NewIterator(o)
	defer it.Close()
	var groups []uint64
	for it.Seek(contactKey(from)); it.Valid(); it.Next() {
		item := it.Item()
		id, ok := idFromKey(prefixContact, item.Key())
		if !ok {
			continue
		}
		if err := item.Value(func(v []byte) error {
			var err error
			groups, err = recordGroups(id, v, groups[:0])
			return err
		}); err != nil {
			return err
		}
		if err := fn(id, groups); err != nil {
			return err
		}
	}
	return nil
}

// Setting returns a setting's value, or ErrNotFound when it was never set.
func (t *Txn) Setting(name string) (string, error) {
	v, err := t.get(settingKey(name))
	return string(v), err
}

// PutSetting stores a setting's value.
func (t *Txn) PutSetting(name, value string) error {
	return t.txn.Set(settingKey(name), []byte(value))
}

func (t *Txn) scanKeys(prefix []byte, fn func(k []byte) error) error {
	return t.scanKeysFrom(prefix, prefix, fn)
}

// scanKeysFrom is scanKeys starting at the first key not below from.
func (t *Txn) scanKeysFrom(prefix, from []byte, fn func(k []byte) error) error {
	o := badger.DefaultIteratorOptions
	o.PrefetchValues = false
	o.Prefix = prefix
	it := t.txn.NewIterator(o)
	defer it.Close()
	for it.Seek(from); it.Valid(); it.Next() {
		if err := fn(it.Item().Key()); err != nil {
			return err
		}
	}
	return nil
}

// EachContact calls fn for every contact in ID order. It reads a consistent snapshot.
func (db *DB) EachContact(fn func(Contact) error) error {
	return db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixContact)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			id, ok := idFromKey(prefixContact, item.Key())
			if !ok {
				continue
			}
			c, err := itemContact(item, id)
			if err != nil {
				return err
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachContactIn calls fn with the stored contact of each ID in ids, which must be
// ascending; IDs without a contact are skipped. One iterator walks forward through the
// IDs, stepping to a near ID and seeking to a far one, so reading many contacts in ID
// order costs about what a scan of their part of the table costs, several times less
// than a lookup per contact. It reads one consistent snapshot.
func (db *DB) EachContactIn(ids []uint64, fn func(Contact) error) error {
	if len(ids) == 0 {
		return nil
	}
	return db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixContact)
		o.PrefetchValues = false
		it := txn.NewIterator(o)
		defer it.Close()
		it.Seek(contactKey(ids[0]))
		for _, want := range ids {
			for steps := 0; it.Valid(); steps++ {
				id, ok := idFromKey(prefixContact, it.Item().Key())
				if !ok || id >= want {
					break
				}
				if want-id > 32 || steps >= 32 {
					it.Seek(contactKey(want))
					break
				}
				it.Next()
			}
			if !it.Valid() {
				return nil
			}
			item := it.Item()
			if id, ok := idFromKey(prefixContact, item.Key()); !ok || id != want {
				continue
			}
			c, err := itemContact(item, want)
			if err != nil {
				return err
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachContactSummary calls fn with the summary of every contact in ID order, reading the
// two halves of the ID range on two goroutines: fn is called concurrently, once per half,
// with half 0 holding the lower IDs. The summaries' slices are valid only during fn.
func (db *DB) EachContactSummary(fn func(half int, c *ContactSummary) error) error {
	// Find the middle ID from the first and last keys; IDs are dense enough for that.
	var first, last uint64
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = []byte(prefixContact)
		it := txn.NewIterator(o)
		defer it.Close()
		it.Rewind()
		if !it.Valid() {
			return nil
		}
		first, _ = idFromKey(prefixContact, it.Item().Key())
		it.Close()
		o.Reverse = true
		rit := txn.NewIterator(o)
		defer rit.Close()
		rit.Seek(contactKey(^uint64(0)))
		if rit.Valid() {
			last, _ = idFromKey(prefixContact, rit.Item().Key())
		}
		return nil
	})
	if err != nil || last == 0 {
		return err
	}
	mid := first + (last-first)/2 + 1
	scan := func(half int, from, to uint64) error {
		return db.bdb.View(func(txn *badger.Txn) error {
			o := badger.DefaultIteratorOptions
			o.Prefix = []byte(prefixContact)
			it := txn.NewIterator(o)
			defer it.Close()
			var sum ContactSummary
			for it.Seek(contactKey(from)); it.Valid(); it.Next() {
				item := it.Item()
				id, ok := idFromKey(prefixContact, item.Key())
				if !ok {
					continue
				}
				if id >= to {
					break
				}
				if err := item.Value(func(v []byte) error { return decodeSummary(id, v, &sum) }); err != nil {
					return err
				}
				if err := fn(half, &sum); err != nil {
					return err
				}
			}
			return nil
		})
	}
	errs := make(chan error, 1)
	go func() { errs <- scan(1, mid, ^uint64(0)) }()
	err = scan(0, 0, mid)
	return errors.Join(err, <-errs)
}

// Groups returns every group in ID order.
func (db *DB) Groups() ([]Group, error) {
	var gs []Group
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixGroup)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			id, ok := idFromKey(prefixGroup, item.Key())
			if !ok {
				continue
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			g, err := decodeGroup(id, v)
			if err != nil {
				return err
			}
			gs = append(gs, g)
		}
		return nil
	})
	return gs, err
}

// EachMembership calls fn for every membership, ordered by contact then group. It reads
// every contact; the contacts service gets the memberships with the contacts at start-up
// (ContactSummary.Groups) instead.
func (db *DB) EachMembership(fn func(gid, cid uint64) error) error {
	return db.View(func(t *Txn) error {
		return t.eachContactGroups(func(cid uint64, groups []uint64) error {
			for _, gid := range groups {
				if err := fn(gid, cid); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// RemoveMemberships takes every contact out of the given group, in batches small enough
// for one transaction each. It is used after DeleteGroup and at start-up for memberships
// of groups that no longer exist, which a crash can leave.
func (db *DB) RemoveMemberships(gid uint64) error {
	const batch = 2000
	from := uint64(0)
	for {
		var cids []uint64
		err := db.View(func(t *Txn) error {
			return t.eachContactGroupsFrom(from, func(cid uint64, groups []uint64) error {
				from = cid + 1
				if _, ok := slices.BinarySearch(groups, gid); ok {
					cids = append(cids, cid)
					if len(cids) == batch {
						return errBatchFull
					}
				}
				return nil
			})
		})
		if err != nil && !errors.Is(err, errBatchFull) {
			return fmt.Errorf("list memberships: %w", err)
		}
		if len(cids) == 0 {
			return nil
		}
		err = db.Update(func(t *Txn) error {
			for _, cid := range cids {
				if _, err := t.RemoveMember(gid, cid); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("remove memberships: %w", err)
		}
	}
}

var errBatchFull = errors.New("batch full")

// badgerLogger sends Badger's warnings and errors to slog and drops its chatter.
type badgerLogger struct{}

func (badgerLogger) Errorf(f string, a ...any) {
	slog.Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (badgerLogger) Warningf(f string, a ...any) {
	slog.Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (badgerLogger) Infof(string, ...any)  {}
func (badgerLogger) Debugf(string, ...any) {}

// FloorWriteBatch writes contacts with their phone keys through one Badger WriteBatch and
// closes the database: the fastest way Badger can store them, with no undo, no index and
// no checks. The benchmark measures it in the same run as an import, as the floor the
// import is compared with; the app never uses it.
func FloorWriteBatch(dir string, contacts func(yield func(Contact) bool)) error {
	bdb, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		return err
	}
	wb := bdb.NewWriteBatch()
	for c := range contacts {
		if err := wb.Set(contactKey(c.ID), encodeContact(&c)); err != nil {
			wb.Cancel()
			bdb.Close()
			return err
		}
		if err := wb.Set(phoneKey(c.Phone), idValue(c.ID)); err != nil {
			wb.Cancel()
			bdb.Close()
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		bdb.Close()
		return err
	}
	return bdb.Close()
}

// FloorKeyScan counts the contact keys without reading values: the floor of opening the
// app, which must at least walk every contact once.
func (db *DB) FloorKeyScan() (int, error) {
	n := 0
	err := db.View(func(t *Txn) error {
		return t.scanKeys([]byte(prefixContact), func([]byte) error { n++; return nil })
	})
	return n, err
}

// itemContact decodes the contact an iterator stands on.
func itemContact(item *badger.Item, id uint64) (c Contact, err error) {
	err = item.Value(func(v []byte) error {
		c, err = decodeContact(id, v)
		return err
	})
	return c, err
}
