package campaigns

import "kontak/backend/apperr"

// Campaigns is the campaigns service as bound to the interface. Every method recovers
// from panics so the interface always gets an answer.
type Campaigns struct{ s *Service }

// Service holds the saved items and computes audiences.
type Service struct{}

// Bound returns the face of the service bound to the interface.
func (s *Service) Bound() *Campaigns { return &Campaigns{s: s} }

var errUnbuilt = apperr.New(apperr.Internal, "internal", "campaigns: not built yet")

// List returns the saved items of a kind ("" for both), newest first.
func (b *Campaigns) List(kind string) (_ []Item, err error) { return nil, errUnbuilt }

// Get returns one saved item.
func (b *Campaigns) Get(id uint64) (_ Item, err error) { return Item{}, errUnbuilt }

// Save creates (id 0) or updates a saved item.
func (b *Campaigns) Save(id uint64, in ItemInput) (_ Item, err error) { return Item{}, errUnbuilt }

// Delete removes a saved item and keeps its outputs' records.
func (b *Campaigns) Delete(id uint64) (_ bool, err error) { return false, errUnbuilt }

// Count sizes an audience; fast enough to call on every change of the selection.
func (b *Campaigns) Count(a Audience) (_ Count, err error) { return Count{}, errUnbuilt }

// Recipients returns the count and one page of the recipient list.
func (b *Campaigns) Recipients(a Audience, offset, limit int) (_ RecipientsPage, err error) {
	return RecipientsPage{}, errUnbuilt
}

// Why explains whether a contact is in an audience and why.
func (b *Campaigns) Why(a Audience, contactID uint64) (_ Why, err error) { return Why{}, errUnbuilt }

// Targets lists every saved item's decision about a contact.
func (b *Campaigns) Targets(contactID uint64) (_ []ItemWhy, err error) { return nil, errUnbuilt }

// Preview renders a message for up to three recipients of an audience.
func (b *Campaigns) Preview(message string, a Audience) (_ Preview, err error) {
	return Preview{}, errUnbuilt
}

// Export writes an output of a saved item's audience and records it.
func (b *Campaigns) Export(req ExportRequest) (_ Output, err error) { return Output{}, errUnbuilt }

// Outputs lists the recorded outputs of an item (0 for every item), newest first.
func (b *Campaigns) Outputs(itemID uint64) (_ []Output, err error) { return nil, errUnbuilt }
