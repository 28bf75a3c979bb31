using System;
using System.Threading.Tasks;

namespace Shop.Validation
{
    public static class Assert
    {
        public static Task ThrowsAsync<T>(Func<Task> action) => action();
    }

    public class Guard
    {
        public void Check(Func<Task> action)
        {
            Assert.ThrowsAsync<InvalidOperationException>(action);
        }
    }
}
