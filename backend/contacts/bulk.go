package contacts

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/samber/lo"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/store"
)

// Selection is what a bulk action applies to: the chosen contacts, or every contact a
// query matches (the whole search result, not only the rows on screen).
type Selection struct {
	IDs   []uint64 `json:"ids"`   // used when All is false
	All   bool     `json:"all"`   // every contact Query matches
	Query Query    `json:"query"` // paging is ignored
}

// DeleteResult says how many contacts a delete removed and how to undo it.
type DeleteResult struct {
	Deleted int    `json:"deleted"`
	UndoID  uint64 `json:"undoId"` // pass to UndoDelete; 0 when nothing was deleted
}

func (s *Service) resolve(sel Selection) ([]uint64, error) {
	if sel.All {
		return s.MatchingIDs(sel.Query, 0)
	}
	return lo.Uniq(sel.IDs), nil
}

// progress sends bulk progress events at most about ten times a second.
type progress struct {
	s      *Service
	action string
	total  int64
	last   time.Time
}

func (p *progress) report(done int64) {
	if p.total < bulkChunk {
		return // done in a blink: nothing to show
	}
	if done < p.total && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.s.emit.Emit(events.BulkProgress, events.BulkProgressPayload{Action: p.action, Done: done, Total: p.total})
}

// AddToGroupSelection puts every selected contact into a group and returns how many
// were not in it before.
func (c *Contacts) AddToGroupSelection(sel Selection, groupID uint64) (_ int, err error) {
	defer apperr.Recover(&err, "add to group")
	ids, err := c.s.resolve(sel)
	if err != nil {
		return 0, err
	}
	return c.s.changeMembership(ids, groupID, true)
}

// RemoveFromGroupSelection takes every selected contact out of a group; the contacts
// stay.
func (c *Contacts) RemoveFromGroupSelection(sel Selection, groupID uint64) (_ int, err error) {
	defer apperr.Recover(&err, "remove from group")
	ids, err := c.s.resolve(sel)
	if err != nil {
		return 0, err
	}
	return c.s.changeMembership(ids, groupID, false)
}

// DeleteSelection deletes every selected contact and keeps what it deleted, so that
// UndoDelete can bring them back.
func (c *Contacts) DeleteSelection(sel Selection) (_ DeleteResult, err error) {
	defer apperr.Recover(&err, "delete contacts")
	ids, err := c.s.resolve(sel)
	if err != nil {
		return DeleteResult{}, err
	}
	return c.s.deleteWithUndo(ids)
}

// UndoDelete brings back the contacts of a delete whose number is still free, with the
// groups that still exist. It returns how many came back.
func (c *Contacts) UndoDelete(undoID uint64) (_ int, err error) {
	defer apperr.Recover(&err, "undo delete")
	s := c.s
	if err := s.ready(); err != nil {
		return 0, err
	}
	var op store.Import
	err = s.db.View(func(t *store.Txn) error {
		var err error
		op, err = t.Import(undoID)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && op.Format != opDelete) {
		return 0, apperr.New(apperr.NotFound, "delete.not_found", fmt.Sprintf("delete %d does not exist", undoID))
	}
	if err != nil {
		return 0, apperr.Wrap(err, "undo delete")
	}
	if op.State != store.ImportDone {
		return 0, apperr.New(apperr.Invalid, "delete.not_undoable", "this delete was already undone")
	}
	res, err := s.UndoImport(undoID)
	if err != nil {
		return 0, err
	}
	op.State = store.ImportUndone
	if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(op) }); err != nil {
		return res.Restored, apperr.Wrap(err, "undo delete")
	}
	return res.Restored, nil
}

// opDelete marks an operation record that is a bulk delete rather than an import.
const opDelete = "delete"

// deleteWithUndo removes contacts in slices of one transaction each. Every slice also
// writes the deleted records and their groups as an undo step, so a crash leaves each
// contact either deleted and restorable or untouched.
func (s *Service) deleteWithUndo(ids []uint64) (res DeleteResult, err error) {
	if err := s.ready(); err != nil {
		return res, err
	}
	opID, err := s.db.NextID("import")
	if err != nil {
		return res, apperr.Wrap(err, "delete contacts")
	}
	op := store.Import{ID: opID, Format: opDelete, State: store.ImportRunning, StartedAt: s.nowMillis()}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(op) }); err != nil {
		return res, apperr.Wrap(err, "delete contacts")
	}
	defer func() {
		if res.Deleted > 0 {
			s.emit.Emit(events.ContactsChanged, events.ContactsChangedPayload{})
			s.emit.Emit(events.GroupsChanged, events.GroupsChangedPayload{})
		}
	}()
	prog := &progress{s: s, action: "delete", total: int64(len(ids))}
	var steps Steps
	for chunk := range slices.Chunk(ids, bulkChunk) {
		err := func() error {
			s.mu.Lock()
			defer s.mu.Unlock()
			var gone []uint64
			err := s.db.Update(func(t *store.Txn) error {
				gone = gone[:0]
				var saved []store.DeletedContact
				for _, id := range chunk {
					c, ok, err := s.liveRecord(t, id)
					if err != nil {
						return err
					}
					if !ok {
						continue
					}
					saved = append(saved, store.DeletedContact{Contact: c, Groups: s.idx.groupsOf(id)})
					if err := t.DeleteContact(id); err != nil {
						return err
					}
					gone = append(gone, id)
				}
				if len(saved) == 0 {
					return nil
				}
				return t.PutUndo(opID, steps.Next(), store.UndoStep{Kind: store.UndoDeleted, Deleted: saved})
			})
			if err != nil {
				return err
			}
			for _, id := range gone {
				s.idx.deleteContact(id)
			}
			res.Deleted += len(gone)
			return nil
		}()
		if err != nil {
			op.State, op.Error = store.ImportFailed, err.Error()
			s.db.Update(func(t *store.Txn) error { return t.PutImport(op) })
			return res, apperr.Wrap(err, "delete contacts")
		}
		prog.report(int64(res.Deleted))
	}
	op.State, op.FinishedAt = store.ImportDone, s.nowMillis()
	op.Counts = map[string]int64{"deleted": int64(res.Deleted)}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(op) }); err != nil {
		return res, apperr.Wrap(err, "delete contacts")
	}
	res.UndoID = opID
	return res, nil
}
