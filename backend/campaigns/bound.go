package campaigns

import "kontak/backend/apperr"

// Campaigns is the campaigns service as bound to the interface. Every method recovers
// from panics so the interface always gets an answer.
type Campaigns struct{ s *Service }

// Bound returns the face of the service bound to the interface.
func (s *Service) Bound() *Campaigns { return &Campaigns{s: s} }

// List returns the saved items of a kind ("" for both), newest first.
func (b *Campaigns) List(kind string) (_ []Item, err error) {
	defer apperr.Recover(&err, "list campaigns")
	return b.s.List(kind)
}

// Get returns one saved item.
func (b *Campaigns) Get(id uint64) (_ Item, err error) {
	defer apperr.Recover(&err, "get campaign")
	return b.s.Get(id)
}

// Save creates (id 0) or updates a saved item.
func (b *Campaigns) Save(id uint64, in ItemInput) (_ Item, err error) {
	defer apperr.Recover(&err, "save campaign")
	return b.s.Save(id, in)
}

// Delete removes a saved item and keeps its outputs' records.
func (b *Campaigns) Delete(id uint64) (_ bool, err error) {
	defer apperr.Recover(&err, "delete campaign")
	if err := b.s.Delete(id); err != nil {
		return false, err
	}
	return true, nil
}

// Count sizes an audience; fast enough to call on every change of the selection.
func (b *Campaigns) Count(a Audience) (_ Count, err error) {
	defer apperr.Recover(&err, "count audience")
	return b.s.Count(a)
}

// Recipients returns the count and one page of the recipient list.
func (b *Campaigns) Recipients(a Audience, offset, limit int) (_ RecipientsPage, err error) {
	defer apperr.Recover(&err, "list recipients")
	return b.s.Recipients(a, offset, limit)
}

// Why explains whether a contact is in an audience and why.
func (b *Campaigns) Why(a Audience, contactID uint64) (_ Why, err error) {
	defer apperr.Recover(&err, "explain audience")
	return b.s.Why(a, contactID)
}

// Targets lists every saved item's decision about a contact.
func (b *Campaigns) Targets(contactID uint64) (_ []ItemWhy, err error) {
	defer apperr.Recover(&err, "list targets")
	return b.s.Targets(contactID)
}

// Preview renders a message for up to three recipients of an audience.
func (b *Campaigns) Preview(message string, a Audience) (_ Preview, err error) {
	defer apperr.Recover(&err, "preview message")
	return b.s.Preview(message, a)
}

// Export writes an output of a saved item's audience and records it.
func (b *Campaigns) Export(req ExportRequest) (_ Output, err error) {
	defer apperr.Recover(&err, "export campaign")
	return b.s.Export(req)
}

// Outputs lists the recorded outputs of an item (0 for every item), newest first.
func (b *Campaigns) Outputs(itemID uint64) (_ []Output, err error) {
	defer apperr.Recover(&err, "list outputs")
	return b.s.Outputs(itemID)
}
