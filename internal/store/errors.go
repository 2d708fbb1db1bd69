package store

import "puente/internal/model"

var (
	errNotFound = model.ErrNotFound
	errConflict = model.ErrConflict
)
