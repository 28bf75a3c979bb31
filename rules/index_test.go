package rules

import (
	"testing"

	"github.com/asyncsense/asyncsense/syntax"
)

const indexSample = `
[ApiController]
public partial class OrdersController : ApiBase
{
    public event EventHandler Saved;
    private readonly Task<int> _warmup;
    public IRepo Repo { get; }

    [HttpGet] public async Task<Order> GetAsync(int id, CancellationToken ct = default) => await Repo.LoadAsync(id, ct);
    public string FormatAsync(Order o) => o.ToString();

    void Wire(Button b) { b.Click += OnClick; b.Click += new EventHandler(OnOther); }
    void OnClick(object s, EventArgs e) { }
}
public class ApiBase : ControllerBase { }
public interface IRepo { Task<Order> LoadAsync(int id, CancellationToken ct); }
`

func TestFactsAndIndex(t *testing.T) {
	f := syntax.Parse("orders.cs", []byte(indexSample))
	x := NewIndex()
	x.Update("orders.cs", ExtractFacts(f))

	get := x.Methods("GetAsync")
	if len(get) != 1 || get[0].Type != "OrdersController" || get[0].Return != "Task<Order>" || !get[0].Async ||
		len(get[0].Params) != 2 || get[0].Params[1].Type != "CancellationToken" || get[0].Params[1].Default != "default" ||
		len(get[0].Attributes) != 1 || get[0].Attributes[0] != "HttpGet" {
		t.Errorf("GetAsync facts: %+v", get)
	}
	if m := x.Methods("LoadAsync"); len(m) != 1 || m[0].Type != "IRepo" {
		t.Errorf("interface member: %+v", m)
	}
	if m := x.Members("_warmup"); len(m) != 1 || m[0].MemberType != "Task<int>" || m[0].Kind != "field" {
		t.Errorf("field: %+v", m)
	}
	if m := x.Members("Saved"); len(m) != 1 || m[0].Kind != "event" {
		t.Errorf("event: %+v", m)
	}
	if !x.IsSubscribed("OnClick") || !x.IsSubscribed("OnOther") || x.IsSubscribed("Wire") {
		t.Error("subscriptions not indexed")
	}
	if !x.DerivesFrom("OrdersController", "ControllerBase") || x.DerivesFrom("ApiBase", "OrdersController") {
		t.Error("DerivesFrom is wrong")
	}

	x.Update("orders.cs", &FileFacts{})
	if len(x.Methods("GetAsync")) != 0 || x.IsSubscribed("OnClick") || len(x.Types("ApiBase")) != 0 || len(x.Members("Repo")) != 0 {
		t.Error("replacing a file's facts left stale entries")
	}
	x.Update("orders.cs", ExtractFacts(f))
	x.Remove("orders.cs")
	if len(x.Files()) != 0 || len(x.Methods("LoadAsync")) != 0 {
		t.Error("Remove left facts behind")
	}
}
