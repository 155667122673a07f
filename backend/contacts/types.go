package contacts

// Field is a custom field of a contact, such as "City" or "Order count" kept from an import.
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Contact is a contact as the interface and the CLI see it.
type Contact struct {
	ID           uint64   `json:"id"`
	Name         string   `json:"name"`
	OriginalName string   `json:"originalName"`
	Phone        string   `json:"phone"`   // canonical digits, e.g. 6281234567890
	Display      string   `json:"display"` // international format, e.g. +62 812-3456-7890
	Email        string   `json:"email"`
	GroupIDs     []uint64 `json:"groupIds"`
	Fields       []Field  `json:"fields"`
	Source       string   `json:"source"`
	CreatedAt    int64    `json:"createdAt"` // Unix milliseconds
	UpdatedAt    int64    `json:"updatedAt"` // Unix milliseconds
	// NameSource is where the name came from: typed, import, pushname, number, detected.
	NameSource    string `json:"nameSource"`
	NameLocked    bool   `json:"nameLocked"`    // automatic name changes are off
	SuggestedName string `json:"suggestedName"` // a stated name waiting for the user
	OptOut        bool   `json:"optOut"`        // asked not to be contacted
}

// ContactInput is what the contact form sends. Phone is raw, as typed.
type ContactInput struct {
	Name     string   `json:"name"`
	Phone    string   `json:"phone"`
	Email    string   `json:"email"`
	GroupIDs []uint64 `json:"groupIds"`
	Fields   []Field  `json:"fields"`
	// NameLocked and OptOut change the flags when set; absent leaves them as they are.
	NameLocked *bool `json:"nameLocked,omitempty"`
	OptOut     *bool `json:"optOut,omitempty"`
}

// Sort orders of a contact list.
const (
	SortName   = "name"
	SortNewest = "newest"
)

// Query selects a page of contacts.
type Query struct {
	Text      string   `json:"text"`      // name, phone in any format, or email
	GroupID   uint64   `json:"groupId"`   // one group; 0 means no group filter
	GroupIDs  []uint64 `json:"groupIds"`  // several groups, combined by GroupMode
	GroupMode string   `json:"groupMode"` // "any" (default), "all" or "none" of the groups
	NoGroup   bool     `json:"noGroup"`   // only contacts in no group
	HasEmail  bool     `json:"hasEmail"`  // only contacts with an email
	Source    string   `json:"source"`    // "manual", "autoreply" or "import:<id>"; "" means any
	Sort      string   `json:"sort"`      // "name" (default) or "newest"
	Offset    int      `json:"offset"`
	Limit     int      `json:"limit"` // 1 to MaxPageSize; 0 means DefaultPageSize
}

// Page sizes of List.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Page is one page of a contact list and the number of contacts the query matches.
type Page struct {
	Total  int       `json:"total"`
	Offset int       `json:"offset"`
	Items  []Contact `json:"items"`
}

// ContactRef names a contact, for messages such as "this number belongs to Budi".
type ContactRef struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

// PhoneCheck is the live preview of the phone field.
type PhoneCheck struct {
	Input     string      `json:"input"`
	Phone     string      `json:"phone"`
	Status    string      `json:"status"`
	Kind      string      `json:"kind"`
	Display   string      `json:"display"`
	Reasons   []string    `json:"reasons"`
	Duplicate *ContactRef `json:"duplicate,omitempty"`
}

// Group is a group as the interface and the CLI see it.
type Group struct {
	ID          uint64 `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Members     int    `json:"members"`
	CreatedAt   int64  `json:"createdAt"`
}

// GroupInput is what the group form sends.
type GroupInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Limits on what a user can type, so one field cannot bloat every list page.
const (
	MaxNameLength        = 200
	MaxEmailLength       = 254
	MaxGroupNameLength   = 100
	MaxDescriptionLength = 1000
	MaxFieldKeyLength    = 100
	MaxFieldValueLength  = 10000
	MaxFields            = 100
)
