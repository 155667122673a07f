package contacts

import "kontak/backend/apperr"

// SetOptOutSelection marks every selected contact as opted out (or back in) and returns
// how many contacts changed.
func (c *Contacts) SetOptOutSelection(sel Selection, optOut bool) (_ int, err error) {
	defer apperr.Recover(&err, "set opt-out")
	return 0, apperr.New(apperr.Internal, "internal", "opt-out in bulk: not built yet")
}
