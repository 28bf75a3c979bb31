using System.Threading.Tasks;

namespace Budget;

public class Store
{
    // No Async suffix: only the workspace index knows this returns a task.
    public async Task<int> Load(int id)
    {
        await Task.Yield();
        return id;
    }
}
