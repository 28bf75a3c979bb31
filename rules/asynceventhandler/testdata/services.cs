using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Timers;
using System.Windows.Input;
using CommunityToolkit.Mvvm.ComponentModel;
using Microsoft.VisualStudio.Threading;

namespace Chat.Bot
{
    public interface IChatClient
    {
        event Func<ChatMessage, Task> MessageReceived;
        event Action<string> Disconnected;
        event AsyncEventHandler<EventArgs> Ready;
        Task ReplyAsync(ChatMessage to, string text);
        Task ConnectAsync();
    }

    public sealed class ChatMessage
    {
        public string Text { get; init; }
    }

    public sealed class BotHost
    {
        private readonly IChatClient _client;
        private readonly System.Timers.Timer _heartbeat = new System.Timers.Timer(30000);
        private System.Threading.Timer _poller;

        public BotHost(IChatClient client)
        {
            _client = client;
            _client.MessageReceived += async message => await _client.ReplyAsync(message, "pong");
            _client.Disconnected += async reason => await _client.ConnectAsync(); // want ASY018
            _client.Ready += new AsyncEventHandler<EventArgs>(async (s, e) => await _client.ConnectAsync());
            _heartbeat.Elapsed += async (s, e) => // want ASY018
            {
                await _client.ConnectAsync();
            };
            _heartbeat.Elapsed += async (object s, ElapsedEventArgs e) =>
            {
                try
                {
                    await _client.ConnectAsync();
                }
                catch (Exception)
                {
                }
            };
            _poller = new System.Threading.Timer(Poll, null, 0, 5000);
            Func<Task> warmUp = async () => await _client.ConnectAsync();
            Task.Run(async () => await _client.ConnectAsync());
        }

        private async void Poll(object state) // want ASY018
        {
            await _client.ConnectAsync();
        }

        private async void Restart() => await _client.ConnectAsync();
    }

    public sealed class ConnectCommand : ICommand
    {
        private readonly IChatClient _client;

        public event EventHandler CanExecuteChanged;

        public bool CanExecute(object parameter) => true;

        public async void Execute(object parameter) // want ASY018
        {
            await _client.ConnectAsync();
        }
    }

    public partial class SettingsViewModel : ObservableObject
    {
        private readonly IChatClient _client;

        [ObservableProperty]
        private string nickname;

        async partial void OnNicknameChanged(string value) // want ASY018
        {
            await _client.ConnectAsync();
        }
    }
}
