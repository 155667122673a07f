package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// Import states. An import is "running" from its first write until it finishes; one found
// "running" at start-up was interrupted (the app was killed) and is rolled back.
const (
	ImportRunning   = "running"
	ImportDone      = "done"
	ImportCancelled = "cancelled" // stopped by the user and rolled back
	ImportFailed    = "failed"    // stopped by an error and rolled back
	ImportUndone    = "undone"    // finished, then undone by the user
)

// Import is the record of one import: what was read, when, and what came of it.
type Import struct {
	ID         uint64           `json:"id"`
	File       string           `json:"file"` // the file's base name, for the history list
	Path       string           `json:"path"`
	Format     string           `json:"format"`
	State      string           `json:"state"`
	StartedAt  int64            `json:"startedAt"`  // Unix milliseconds
	FinishedAt int64            `json:"finishedAt"` // 0 while running
	Counts     map[string]int64 `json:"counts"`
	Groups     []uint64         `json:"groups"` // target groups
	Error      string           `json:"error,omitempty"`
	// Detail is the importer's own report data (its problem rows), kept as it gave it.
	Detail json.RawMessage `json:"detail,omitempty"`
}

// PutImport writes an import record.
func (t *Txn) PutImport(im Import) error {
	b, err := json.Marshal(im)
	if err != nil {
		return err
	}
	return t.txn.Set(importKey(im.ID), b)
}

// Import returns an import record, or ErrNotFound.
func (t *Txn) Import(id uint64) (Import, error) {
	v, err := t.get(importKey(id))
	if err != nil {
		return Import{}, err
	}
	var im Import
	if err := json.Unmarshal(v, &im); err != nil {
		return Import{}, fmt.Errorf("import %d: %w", id, errCorrupt)
	}
	return im, nil
}

// Imports returns every import record, oldest first.
func (db *DB) Imports() ([]Import, error) {
	var out []Import
	err := db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefixImport)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			var im Import
			if err := json.Unmarshal(v, &im); err != nil {
				return fmt.Errorf("import record: %w", errCorrupt)
			}
			out = append(out, im)
		}
		return nil
	})
	return out, err
}

// UndoKind says what an undo step reverses.
type UndoKind byte

// Steps that an import writes for every slice of rows (created contacts, memberships)
// list all of that slice's IDs in one step, so an import of a million rows adds a few
// thousand undo keys rather than millions.
const (
	// UndoCreated: the import created the contacts ContactIDs; undo deletes them.
	UndoCreated UndoKind = 1
	// UndoUpdated: the import replaced contact ContactID, whose record was Previous; undo
	// puts Previous back.
	UndoUpdated UndoKind = 2
	// UndoMember: the import added the memberships Members; undo takes them out.
	UndoMember UndoKind = 3
	// UndoGroup: the import created group GroupID; undo deletes it if nothing else uses it.
	UndoGroup UndoKind = 4
	// UndoDeleted: a bulk delete removed the contacts Deleted (records and groups); undo
	// writes them back where their phones are still free.
	UndoDeleted UndoKind = 5
)

// DeletedContact is a contact as it was before a delete, with its groups.
type DeletedContact struct {
	Contact Contact
	Groups  []uint64
}

// Membership is one contact in one group.
type Membership struct {
	GroupID, ContactID uint64
}

// UndoStep is one reversible change of an import.
type UndoStep struct {
	Kind       UndoKind
	ContactID  uint64           // UndoUpdated
	GroupID    uint64           // UndoGroup
	Previous   Contact          // UndoUpdated
	ContactIDs []uint64         // UndoCreated
	Members    []Membership     // UndoMember
	Deleted    []DeletedContact // UndoDeleted
}

// Size is how many records undoing the step touches, for sizing undo transactions.
func (u *UndoStep) Size() int { return 1 + len(u.ContactIDs) + len(u.Members) + len(u.Deleted) }

func encodeUndo(u *UndoStep) []byte {
	b := make([]byte, 0, 16+10*len(u.ContactIDs)+20*len(u.Members))
	b = append(b, byte(u.Kind))
	b = binary.AppendUvarint(b, u.ContactID)
	b = binary.AppendUvarint(b, u.GroupID)
	b = binary.AppendUvarint(b, uint64(len(u.ContactIDs)))
	for _, id := range u.ContactIDs {
		b = binary.AppendUvarint(b, id)
	}
	b = binary.AppendUvarint(b, uint64(len(u.Members)))
	for _, m := range u.Members {
		b = binary.AppendUvarint(b, m.GroupID)
		b = binary.AppendUvarint(b, m.ContactID)
	}
	b = binary.AppendUvarint(b, uint64(len(u.Deleted)))
	for _, d := range u.Deleted {
		rec := encodeContact(&d.Contact)
		b = binary.AppendUvarint(b, d.Contact.ID)
		b = binary.AppendUvarint(b, uint64(len(rec)))
		b = append(b, rec...)
		b = binary.AppendUvarint(b, uint64(len(d.Groups)))
		for _, g := range d.Groups {
			b = binary.AppendUvarint(b, g)
		}
	}
	if u.Kind == UndoUpdated {
		b = append(b, encodeContact(&u.Previous)...)
	}
	return b
}

func decodeUndo(b []byte) (UndoStep, error) {
	if len(b) == 0 {
		return UndoStep{}, errCorrupt
	}
	d := decoder{b: b[1:]}
	u := UndoStep{Kind: UndoKind(b[0])}
	u.ContactID = d.uvarint()
	u.GroupID = d.uvarint()
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return UndoStep{}, errCorrupt
	}
	for range n {
		u.ContactIDs = append(u.ContactIDs, d.uvarint())
	}
	n = d.uvarint()
	if n > uint64(len(d.b)) {
		return UndoStep{}, errCorrupt
	}
	for range n {
		u.Members = append(u.Members, Membership{GroupID: d.uvarint(), ContactID: d.uvarint()})
	}
	n = d.uvarint()
	if n > uint64(len(d.b)) {
		return UndoStep{}, errCorrupt
	}
	for range n {
		id := d.uvarint()
		rec := d.bytes()
		if d.err != nil {
			return UndoStep{}, d.err
		}
		c, err := decodeContact(id, rec)
		if err != nil {
			return UndoStep{}, err
		}
		dc := DeletedContact{Contact: c}
		m := d.uvarint()
		if m > uint64(len(d.b)) {
			return UndoStep{}, errCorrupt
		}
		for range m {
			dc.Groups = append(dc.Groups, d.uvarint())
		}
		u.Deleted = append(u.Deleted, dc)
	}
	if d.err != nil {
		return UndoStep{}, d.err
	}
	if u.Kind == UndoUpdated {
		prev, err := decodeContact(u.ContactID, d.b)
		if err != nil {
			return UndoStep{}, err
		}
		u.Previous = prev
	}
	return u, nil
}

// PutUndo records step number step of import id. Steps are replayed in reverse order.
func (t *Txn) PutUndo(id, step uint64, u UndoStep) error {
	return t.txn.Set(undoKey(id, step), encodeUndo(&u))
}

// UndoSteps returns up to limit undo steps of an import, newest first, starting below
// step before (0 means from the newest). Undo reads them in slices so that a huge import
// never needs all its steps in memory at once.
func (db *DB) UndoSteps(id, before uint64, limit int) (steps []UndoStep, numbers []uint64, err error) {
	err = db.bdb.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Reverse = true
		o.Prefix = undoPrefix(id)
		it := txn.NewIterator(o)
		defer it.Close()
		seek := undoKey(id, ^uint64(0))
		if before != 0 {
			seek = undoKey(id, before-1)
		}
		for it.Seek(seek); it.Valid() && len(steps) < limit; it.Next() {
			_, step, ok := pairFromKey(prefixUndo, it.Item().Key())
			if !ok {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			u, err := decodeUndo(v)
			if err != nil {
				return fmt.Errorf("undo step %d of import %d: %w", step, id, err)
			}
			steps = append(steps, u)
			numbers = append(numbers, step)
		}
		return nil
	})
	return steps, numbers, err
}

// DeleteUndo removes undo steps of an import by number, in the caller's transaction, so
// that a step disappears together with the change that reverses it.
func (t *Txn) DeleteUndo(id, step uint64) error {
	return t.txn.Delete(undoKey(id, step))
}

// HasUndo reports whether an import still has undo steps.
func (db *DB) HasUndo(id uint64) (bool, error) {
	found := false
	err := db.View(func(t *Txn) error {
		return t.scanKeys(undoPrefix(id), func([]byte) error {
			found = true
			return errBatchFull
		})
	})
	if errors.Is(err, errBatchFull) {
		err = nil
	}
	return found, err
}
