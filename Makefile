# `make run` starts Puente; `make test` runs the whole test suite as CI does.
.PHONY: run demo test build

run:
	go run ./cmd/puente

demo:
	go run ./cmd/puente -demo -db ./puente-demo.db

build:
	go build -trimpath -o puente ./cmd/puente

test:
	bash scripts/test.sh
