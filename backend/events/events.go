// Package events names the events the backend sends to the user interface and the shape
// of each payload. frontend/src/lib/api/events.ts mirrors this file; keep them in step.
package events

// Event names. Each is "<area>:<what happened>".
const (
	// ContactsChanged follows any write to contacts or to their group memberships.
	ContactsChanged = "contacts:changed"
	// GroupsChanged follows any write to groups or to memberships (member counts change).
	GroupsChanged = "groups:changed"
	// SettingsChanged follows a settings update; the payload is the new settings.
	SettingsChanged = "settings:changed"
	// ImportProgress reports a running import about ten times a second; the payload is
	// importer.ProgressInfo.
	ImportProgress = "import:progress"
	// ImportDone ends an import, finished, cancelled or failed; the payload is
	// importer.Report.
	ImportDone = "import:done"
	// ImportsChanged follows any change to the import history (a new import, an undo).
	ImportsChanged = "imports:changed"
	// ExportProgress reports a running export; the payload is ExportProgressPayload.
	ExportProgress = "export:progress"
	// BulkProgress reports a bulk action on many contacts; the payload is
	// BulkProgressPayload.
	BulkProgress = "bulk:progress"
	// CampaignsChanged follows a change to the saved campaigns and broadcasts or to their
	// outputs (save, delete, export); the payload is CampaignsChangedPayload.
	CampaignsChanged = "campaigns:changed"
)

// CampaignsChangedPayload names the saved item that changed (0 when unknown) and what
// happened to it: "saved", "deleted" or "exported".
type CampaignsChangedPayload struct {
	ID     uint64 `json:"id"`
	Action string `json:"action"`
}

// BulkProgressPayload tells how far a bulk action ("add", "remove", "delete") has come.
type BulkProgressPayload struct {
	Action string `json:"action"`
	Done   int64  `json:"done"`
	Total  int64  `json:"total"`
}

// ExportProgressPayload tells how many contacts an export has written.
type ExportProgressPayload struct {
	Done  int64 `json:"done"`
	Total int64 `json:"total"`
}

// ContactsChangedPayload lists the contacts that changed; an empty list means "many or
// unknown", so the interface should refresh whatever it shows.
type ContactsChangedPayload struct {
	IDs []uint64 `json:"ids"`
}

// maxChangedIDs bounds the IDs one event carries: a bulk action on a million contacts
// would otherwise send megabytes of JSON that the interface does not need.
const maxChangedIDs = 1000

// Changed builds the payload for the given contacts, listing them only when they are few.
func Changed(ids []uint64) ContactsChangedPayload {
	if len(ids) > maxChangedIDs {
		return ContactsChangedPayload{IDs: []uint64{}}
	}
	return ContactsChangedPayload{IDs: ids}
}

// GroupsChangedPayload carries nothing yet; the interface reloads the group list.
type GroupsChangedPayload struct{}

// Emitter delivers an event to the user interface. app.go implements it with the Wails
// runtime; tests and the CLI use Discard or a recorder.
type Emitter interface {
	Emit(name string, payload any)
}

// Discard is an Emitter that drops every event, for the CLI where nobody listens.
type Discard struct{}

// Emit drops the event.
func (Discard) Emit(string, any) {}
