package web

import (
	"context"
	"net/url"
	"testing"

	"puente/internal/model"
)

// FuzzSetupRenamePost: whatever the body, renaming a network's region or
// vetting item, or removing one (w picks which), answers below 500 and
// never echoes internal error text.
func FuzzSetupRenamePost(f *testing.F) {
	for w := range uint8(4) {
		fzAddSeeds(f, url.Values{"name": {"North Texas"}}, w)
	}
	e := newEnv(f)
	ctx := context.Background()
	net := e.orgs["network"]
	if err := e.st.AddRegion(ctx, net.ID, "Fuzz region", "", ""); err != nil {
		f.Fatal(err)
	}
	if err := e.st.AddVettingItem(ctx, net.ID, model.VettingItem{Name: "Fuzz item", ValidDays: 30}, "", ""); err != nil {
		f.Fatal(err)
	}
	regions, _ := e.st.Regions(ctx, net.ID)
	items, _ := e.st.VettingItems(ctx, net.ID)
	base := "/orgs/" + net.ID
	paths := []string{base + "/regions/" + regions[0].ID, base + "/vetting-items/" + items[0].ID,
		base + "/regions/" + regions[0].ID + "/remove", base + "/vetting-items/not-an-item"}
	admin := fzSignedIn(e, emailNetAdmin)
	f.Fuzz(func(t *testing.T, body string, w uint8) {
		path := paths[int(w)%len(paths)]
		fzCheckResponse(t, "POST "+path, body, admin.post(path, body))
	})
}
