using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Mail.Outbox
{
    public delegate void MessageCallback(string id);

    public interface ISender
    {
        Task SendAsync(string id);
        void Send(string id);
    }

    public class Dispatcher
    {
        private readonly ISender _sender;
        private readonly List<string> _ids = new List<string>();

        public Dispatcher(ISender sender) => _sender = sender;

        public void FlushAll()
        {
            _ids.ForEach(id => _sender.SendAsync(id)); // want ASY004
            _ids.ForEach(id => _sender.Send(id));
            Parallel.ForEach(_ids, id => _sender.SendAsync(id)); // want ASY004
            Action later = () => _sender.SendAsync("late"); // want ASY004
            MessageCallback callback = id => _sender.SendAsync(id); // want ASY004
            var thread = new Thread(() => _sender.SendAsync("t")); // want ASY004
            _ = new Action(() => Task.Delay(0)); // want ASY004
            later();
            callback("x");
            thread.Start();
        }

        public async Task FlushAsync()
        {
            Func<Task> send = () => _sender.SendAsync("f");
            await send();
            await Task.Run(() => _sender.SendAsync("r"));
            var sends = _ids.Select(id => _sender.SendAsync(id));
            await Task.WhenAll(sends);
            _ids.ForEach(id => _ = _sender.SendAsync(id));
            _ids.ForEach(async id => await _sender.SendAsync(id));
            Action<string> log = id => Console.WriteLine(id);
            log("done");
        }

        public async Task YieldAsync()
        {
            Task.Yield(); // want ASY004
            await Task.Yield();
        }

        public void Spin()
        {
            Task.Yield(); // want ASY004
        }
    }
}
