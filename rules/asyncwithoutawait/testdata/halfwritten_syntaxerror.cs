using System.Threading.Tasks;

namespace Shop.Drafts
{
    public sealed class DraftService
    {
        private readonly IDraftStore _store;

        // Being typed: `awai` is half of an await. A member with a syntax
        // error is not judged at all, so this is not reported yet.
        public async Task SaveAsync(Draft draft)
        {
            awai _store.SaveAsync(draft);
        }

        public async Task TouchAsync(Draft draft) // want ASY007
        {
            draft.Touched = true;
        }
    }
}
