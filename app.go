package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kontak/backend/apperr"
	"kontak/backend/store"
)

// App holds the lifecycle of the window and is the one place that talks to the Wails
// runtime. It is bound to the interface only for Status; services are bound separately.
type App struct {
	status  Status
	closers []func() error

	mu  sync.RWMutex
	ctx context.Context // the Wails context, set in startup
}

// Status tells the interface whether the data could be opened, before it shows anything.
type Status struct {
	State   string `json:"state"` // "ready", "locked" or "failed"
	Message string `json:"message"`
	DataDir string `json:"dataDir"`
}

// Status reports whether the app is ready; the interface calls it first and shows a
// full-window message instead of the contact list when the data folder cannot be used.
func (a *App) Status() (_ Status, err error) {
	defer apperr.Recover(&err, "status")
	return a.status, nil
}

func (a *App) startup(ctx context.Context) {
	a.mu.Lock()
	a.ctx = ctx
	a.mu.Unlock()
	slog.Info("Kontak started", "state", a.status.State, "data", a.status.DataDir)
}

// shutdown closes the services and the database; Wails calls it after the window closes,
// including on SIGTERM and SIGINT.
func (a *App) shutdown(context.Context) {
	var errs []error
	for i := len(a.closers) - 1; i >= 0; i-- {
		errs = append(errs, a.closers[i]())
	}
	if err := errors.Join(errs...); err != nil {
		slog.Error("Kontak stopped with errors", "err", err)
		return
	}
	slog.Info("Kontak stopped cleanly")
}

// ChooseImportFile opens the system's file dialog for a contact file and returns the
// chosen path, or "" when the user cancels.
func (a *App) ChooseImportFile() (_ string, err error) {
	defer apperr.Recover(&err, "choose file")
	ctx := a.context()
	if ctx == nil {
		return "", nil
	}
	// GTK matches patterns case-sensitively, so both cases are listed.
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{
		Title: "Kontak",
		Filters: []runtime.FileFilter{
			{DisplayName: "Contacts (CSV, XLSX, vCard)", Pattern: "*.csv;*.CSV;*.txt;*.TXT;*.tsv;*.TSV;*.xlsx;*.XLSX;*.xlsm;*.XLSM;*.vcf;*.VCF;*.vcard"},
			{DisplayName: "*", Pattern: "*"},
		},
	})
}

// ChooseSavePath opens the system's save dialog with a suggested file name and returns
// the chosen path, or "" when the user cancels.
func (a *App) ChooseSavePath(suggested string) (_ string, err error) {
	defer apperr.Recover(&err, "choose file")
	ctx := a.context()
	if ctx == nil {
		return "", nil
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title:                "Kontak",
		DefaultFilename:      suggested,
		CanCreateDirectories: true,
	})
}

// secondInstance brings the open window forward when the user starts Kontak again.
func (a *App) secondInstance(options.SecondInstanceData) {
	if ctx := a.context(); ctx != nil {
		runtime.WindowUnminimise(ctx)
		runtime.Show(ctx)
	}
}

func (a *App) context() context.Context {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.ctx
}

// wailsEmitter sends backend events to the interface. It drops events sent before the
// window's context exists, which only happens during start-up when nobody listens yet.
// It is a separate type so that Emit is not bound as a method callable from JavaScript.
type wailsEmitter struct{ app *App }

func (e wailsEmitter) Emit(name string, payload any) {
	if ctx := e.app.context(); ctx != nil {
		runtime.EventsEmit(ctx, name, payload)
	}
}

// statusFromOpenError turns a failure to open the data folder into what the user sees.
func statusFromOpenError(dir string, err error) Status {
	if errors.Is(err, store.ErrLocked) {
		return Status{State: "locked", DataDir: dir,
			Message: "Kontak is already open. Close the other Kontak window (or the kontak command) first."}
	}
	return Status{State: "failed", DataDir: dir, Message: err.Error()}
}
