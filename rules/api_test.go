package rules

import "testing"

func TestAPITableLoads(t *testing.T) {
	if v, ok := API.Lookup("returns", "Task", "Run"); !ok || v != "Task" {
		t.Fatalf("Task.Run returns %q, %v", v, ok)
	}
	bad := apiTable{}
	if err := bad.parse("x.tsv", "returns\tTask\tRun"); err == nil {
		t.Error("a line with three fields was accepted")
	}
	if err := bad.parse("x.tsv", "returns\tA\tB\tTask\nreturns\tA\tB\tvoid"); err == nil {
		t.Error("a contradicting duplicate was accepted")
	}
}
