// Package campaigns prepares campaigns and broadcasts: saved messages with the groups they
// target, the exact recipient list (each phone once) and why every contact is or is not on
// it, previews of the message as recipients will see it, and the files people send with.
package campaigns

// Kinds of saved item. A campaign and a broadcast differ only in how the user names and
// files them; the audience and the outputs work the same way.
const (
	KindCampaign  = "campaign"
	KindBroadcast = "broadcast"
)

// Audience selects recipients: anyone in any Include group, minus anyone in an Exclude
// group, minus opted-out contacts and contacts without a valid WhatsApp number, narrowed
// by the optional filters.
type Audience struct {
	Include []uint64 `json:"include"` // group IDs; anyone in any of them
	Exclude []uint64 `json:"exclude"` // group IDs; anyone in one of them is left out
	// Optional filters; zero values mean "no filter".
	HasEmail   bool   `json:"hasEmail"`
	AddedSince int64  `json:"addedSince"` // Unix milliseconds
	Source     string `json:"source"`     // as contacts.Query.Source: "manual", "autoreply", "import:<id>"
	// NotContactedDays leaves out contacts that an output reached in the last N days.
	NotContactedDays int `json:"notContactedDays"`
}

// Item is a saved campaign or broadcast.
type Item struct {
	ID        uint64   `json:"id"`
	Kind      string   `json:"kind"` // KindCampaign or KindBroadcast
	Name      string   `json:"name"`
	Message   string   `json:"message"` // with variables: {name}, {phone}, any custom field, {name|Kak}
	Audience  Audience `json:"audience"`
	CreatedAt int64    `json:"createdAt"` // Unix milliseconds
	UpdatedAt int64    `json:"updatedAt"`
	// LastOutput is the newest output made for this item, if any.
	LastOutput *Output `json:"lastOutput,omitempty"`
}

// ItemInput is what the campaign form sends.
type ItemInput struct {
	Kind     string   `json:"kind"`
	Name     string   `json:"name"`
	Message  string   `json:"message"`
	Audience Audience `json:"audience"`
}

// Count is the size of an audience and where the other contacts of the chosen groups went.
// Each contact left out is counted once, under the first reason in this order: excluded
// group, opted out, invalid phone, filtered, recently contacted.
type Count struct {
	Recipients        int `json:"recipients"`        // on the list, each phone once
	InGroups          int `json:"inGroups"`          // in at least one included group
	ExcludedByGroup   int `json:"excludedByGroup"`   // in an excluded group
	OptedOut          int `json:"optedOut"`          // asked not to be contacted
	InvalidPhone      int `json:"invalidPhone"`      // no valid WhatsApp number
	Filtered          int `json:"filtered"`          // left out by has-email, added-since or source
	RecentlyContacted int `json:"recentlyContacted"` // reached by an output in the last N days
	// MissingGroups are included or excluded groups that no longer exist (deleted since
	// the item was saved); they add and remove nobody.
	MissingGroups []uint64 `json:"missingGroups"`
}

// Recipient is one line of the recipient list.
type Recipient struct {
	ContactID uint64   `json:"contactId"`
	Name      string   `json:"name"`
	Phone     string   `json:"phone"`   // canonical digits, 628…
	Display   string   `json:"display"` // +62 812-…
	Groups    []uint64 `json:"groups"`  // every group of the contact
	Via       []uint64 `json:"via"`     // the included groups that brought them in
}

// RecipientsPage is the count and one page of the recipient list, in a stable order
// (by name, then phone).
type RecipientsPage struct {
	Count  Count       `json:"count"`
	Offset int         `json:"offset"`
	Items  []Recipient `json:"items"`
}

// Reasons a contact is or is not in an audience (Why.Reason).
const (
	ReasonIncluded          = "included"
	ReasonNotInGroups       = "not-in-groups"
	ReasonExcludedGroup     = "excluded-group"
	ReasonOptedOut          = "opted-out"
	ReasonInvalidPhone      = "invalid-phone"
	ReasonNoEmail           = "no-email"
	ReasonAddedBefore       = "added-before"
	ReasonOtherSource       = "other-source"
	ReasonRecentlyContacted = "recently-contacted"
)

// Why explains one contact's place in an audience.
type Why struct {
	ContactID  uint64   `json:"contactId"`
	Included   bool     `json:"included"`
	Reason     string   `json:"reason"`     // one of the Reason constants
	Via        []uint64 `json:"via"`        // included groups the contact is in
	ExcludedBy []uint64 `json:"excludedBy"` // excluded groups the contact is in
	// LastContactedAt is when an output last reached the contact (Unix ms), 0 if never.
	LastContactedAt int64 `json:"lastContactedAt"`
	// MissingGroups are groups of the audience that no longer exist.
	MissingGroups []uint64 `json:"missingGroups"`
}

// ItemWhy is one saved item's decision about a contact, for the "who targets me" view.
type ItemWhy struct {
	ItemID   uint64 `json:"itemId"`
	Kind     string `json:"kind"`
	ItemName string `json:"itemName"`
	Why      Why    `json:"why"`
}

// Sample is the message as one real recipient will see it.
type Sample struct {
	ContactID uint64 `json:"contactId"`
	Name      string `json:"name"`
	Phone     string `json:"phone"`
	Message   string `json:"message"`
}

// EmptyVariable counts recipients for whom a variable of the message is empty and has no
// fallback, so they would see a gap.
type EmptyVariable struct {
	Variable string `json:"variable"`
	Count    int    `json:"count"`
}

// Preview is the message rendered for up to three recipients, and the variables that are
// empty for some of them. Unknown lists variables that are neither {name}, {phone} nor a
// custom field any recipient has.
type Preview struct {
	Samples []Sample        `json:"samples"`
	Empty   []EmptyVariable `json:"empty"`
	Unknown []string        `json:"unknown"`
}

// Output formats.
const (
	FormatCSV     = "csv"     // phone, name, message, custom fields; UTF-8 with BOM
	FormatXLSX    = "xlsx"    // the same columns as a workbook, phones as text
	FormatNumbers = "numbers" // one phone per line
	FormatWaMe    = "wame"    // one https://wa.me/<phone>?text=<message> link per line
)

// ExportRequest asks for an output of a saved item's audience, written to Path.
type ExportRequest struct {
	ItemID uint64 `json:"itemId"`
	Format string `json:"format"`
	Path   string `json:"path"`
}

// Output records one output: when, in which format, how many recipients. The contacts it
// reached are stored with it, for "contacted in the last N days".
type Output struct {
	ID         uint64 `json:"id"`
	ItemID     uint64 `json:"itemId"`
	ItemName   string `json:"itemName"`
	Format     string `json:"format"`
	Path       string `json:"path"`
	Recipients int    `json:"recipients"`
	At         int64  `json:"at"` // Unix milliseconds
}

// Limits on what a user can type.
const (
	MaxNameLength    = 200
	MaxMessageLength = 10000
)
