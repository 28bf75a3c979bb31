namespace Budget;

public class Caller
{
    private readonly Store _store = new Store();

    public int Get(int id) => _store.Load(id).Result;

    public void Touch() => _store.Load(1).Wait();
}
