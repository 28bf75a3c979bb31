using System.Threading.Tasks;
using UnityEngine;
using UnityEngine.UI;

public class Player : MonoBehaviour
{
    [SerializeField] private float speed = 4f;
    [SerializeField] private Button shopButton;

    async void Start()
    {
        shopButton.onClick.AddListener(Resume);
        await Task.Delay(500);
        speed *= 2;
    }

    async void Respawn() // want ASY002
    {
        await Task.Delay(3000);
        transform.position = Vector3.zero;
    }

    private async void Resume()
    {
        await Task.Delay(100);
        Time.timeScale = 1;
    }

    public async void OpenShop()
    {
        await Task.Delay(100);
    }

    [ContextMenu("Reset progress")]
    private async void ResetProgress()
    {
        await Task.Delay(1);
    }

    void Update()
    {
        transform.Translate(Vector3.forward * speed * Time.deltaTime);
    }
}

public abstract class CharacterBase : MonoBehaviour
{
    protected int health = 100;
}

public class Enemy : CharacterBase
{
    async void Awake()
    {
        await Task.Yield();
        health = 50;
    }

    async void OnTriggerEnter(Collider other)
    {
        await Task.Delay(10);
    }

    private async void ShowDamage(int amount) // want ASY002
    {
        await Task.Delay(amount);
    }
}

public class GameManager : Singleton<GameManager>
{
    public async void StartLevel(int level)
    {
        await Task.Delay(level);
    }

    private async void SaveInBackground() // want ASY002
    {
        await Task.Delay(1);
    }
}
