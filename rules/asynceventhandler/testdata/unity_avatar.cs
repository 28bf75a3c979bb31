using System.Threading.Tasks;
using Chat.Bot;
using UnityEngine;
using UnityEngine.UI;

public class Avatar : MonoBehaviour
{
    [SerializeField] private Button waveButton;
    private IChatClient _client;

    async void Start()
    {
        waveButton.onClick.AddListener(Wave);
        _client.Disconnected += async reason => await _client.ConnectAsync();
        await Task.Delay(100);
    }

    public async void Wave()
    {
        await _client.ConnectAsync();
    }

    private async void OnDestroy()
    {
        await _client.ConnectAsync();
    }
}

public class Lobby : NetworkLobbyBase
{
    private IChatClient _client;

    public async void Join()
    {
        await _client.ConnectAsync();
    }
}
