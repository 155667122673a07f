package contacts

import (
	"slices"

	"kontak/backend/apperr"
	"kontak/backend/events"
)

// SetOptOutSelection marks every selected contact as opted out (or back in) and returns
// how many contacts changed.
func (c *Contacts) SetOptOutSelection(sel Selection, optOut bool) (_ int, err error) {
	defer apperr.Recover(&err, "set opt-out")
	s := c.s
	if err := s.ready(); err != nil {
		return 0, err
	}
	ids, err := s.resolve(sel)
	if err != nil {
		return 0, err
	}
	var changed []uint64
	defer func() {
		if len(changed) > 0 {
			s.emit.Emit(events.ContactsChanged, events.Changed(changed))
		}
	}()
	// Each slice commits on its own and takes the write lock only for itself, as the
	// other bulk actions do; a failure part-way leaves every contact either changed or
	// not, and the count says how many changed.
	prog := &progress{s: s, action: "optout", total: int64(len(ids))}
	if !optOut {
		prog.action = "optin"
	}
	done := int64(0)
	for chunk := range slices.Chunk(ids, bulkChunk) {
		got, err := s.optOutChunk(chunk, optOut)
		if err != nil {
			return len(changed), apperr.Wrap(err, "set opt-out")
		}
		changed = append(changed, got...)
		done += int64(len(chunk))
		prog.report(done)
	}
	return len(changed), nil
}
