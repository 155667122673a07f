// Kontak is an offline contact manager for people who sell through WhatsApp. This file
// wires the pieces together; app.go holds the window's lifecycle.
package main

import (
	"embed"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"kontak/backend/apperr"
	"kontak/backend/campaigns"
	"kontak/backend/contacts"
	"kontak/backend/datadir"
	"kontak/backend/importer"
	"kontak/backend/inbound"
	"kontak/backend/names"
	"kontak/backend/settings"
	"kontak/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

// memoryLimit is the soft heap limit for the desktop app: without it, Go's collector lets
// Badger's memtables and caches double the resident size before it runs.
// Measured with kontak bench on a million-row import with groups (2 cores, other builds
// running): 300 MiB gives 9.4–9.7 s at 365–370 MB peak, where 512 MiB let it reach
// 590 MB for the same CPU time; opening and searching a million contacts are as fast as
// at 512 MiB, and the idle app lives in about 265 MB. See backend/cmd/kontak/main.go.
const memoryLimit = 300 << 20

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}

	app := &App{status: Status{State: "ready"}}
	var contactService *contacts.Service
	var settingsService *settings.Service
	var importService *importer.Service
	var inboundService *inbound.Service
	var campaignService *campaigns.Service

	// Generating the JavaScript bindings runs this program too; it must not touch the
	// user's data, so the services are bound empty then.
	if !generatingBindings() {
		dir, err := datadir.Dir()
		if err == nil {
			app.status.DataDir = dir
			contactService, settingsService, importService, inboundService, campaignService, err = openServices(app, dir)
		}
		if err != nil {
			slog.Error("open data", "dir", app.status.DataDir, "err", err)
			app.status = statusFromOpenError(app.status.DataDir, err)
		}
	}
	if contactService == nil {
		contactService, settingsService, importService, inboundService = &contacts.Service{}, &settings.Service{}, &importer.Service{}, &inbound.Service{}
		campaignService = &campaigns.Service{}
	}

	err := wails.Run(&options.App{
		Title:            "Kontak",
		Width:            1200,
		Height:           780,
		MinWidth:         900,
		MinHeight:        600,
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 249, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		OnStartup:        app.startup,
		OnShutdown:       app.shutdown,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "kontak-contacts-4c1f2b",
			OnSecondInstanceLaunch: app.secondInstance,
		},
		// Wails v2.16 rejects the JavaScript promise with new Error(value), so the error
		// object travels as JSON text in the Error's message; the API layer parses it.
		ErrorFormatter: func(err error) any {
			b, _ := json.Marshal(apperr.Public(err))
			return string(b)
		},
		Bind: []any{
			app,
			contactService.Contacts(),
			contactService.Groups(),
			settingsService,
			importService.Bound(),
			inboundService.Bound(),
			campaignService.Bound(),
		},
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		Linux: &linux.Options{
			Icon:             icon,
			ProgramName:      "kontak",
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
	})
	if err != nil {
		slog.Error("run", "err", err)
		os.Exit(1)
	}
}

// generatingBindings reports whether this process is the helper that `wails generate
// module` (and `wails build`) compiles with the "bindings" tag and runs with these
// variables set. The fixed top-level layout leaves no room for a build-tagged file, so it
// is detected at run time.
func generatingBindings() bool {
	_, ok := os.LookupEnv("tsoutputtype")
	return ok || strings.HasPrefix(filepath.Base(os.Args[0]), "wailsbindings")
}

// openServices opens the database and builds the services on it, registering their
// closers with the app so that shutdown closes them.
func openServices(app *App, dir string) (*contacts.Service, *settings.Service, *importer.Service, *inbound.Service, *campaigns.Service, error) {
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	app.closers = append(app.closers, db.Close)
	emit := wailsEmitter{app: app}
	set, err := settings.New(db, emit)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	rules := settings.PhoneRules(set)
	svc, err := contacts.New(db, rules, contacts.Options{Emit: emit})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	imp, err := importer.New(importer.Config{DB: db, Contacts: svc, Phones: rules, Emit: emit,
		Dir: filepath.Join(dir, "imports")})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	// A running import is cancelled (and rolled back) before the database closes.
	app.closers = append(app.closers, func() error { _, err := imp.Bound().Cancel(); return err })
	in, err := inbound.New(inbound.Config{DB: db, Contacts: svc, Phones: rules, Emit: emit, DetectName: names.Detect})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	// The webhook is optional: a port in use is reported in the settings, not fatal.
	if err := in.Start(); err != nil {
		slog.Warn("webhook not started", "err", err)
	}
	app.closers = append(app.closers, in.Close)
	camp, err := campaigns.New(campaigns.Config{DB: db, Contacts: svc, Emit: emit})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	return svc, set, imp, in, camp, nil
}
