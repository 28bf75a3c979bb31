using System.Threading.Tasks;
using UnityEngine;

public class Player : MonoBehaviour
{
    [SerializeField] private float speed = 4f;

    async void Start()
    {
        await Task.Delay(500);
        speed *= 2;
    }

    async void Respawn() // want ASY002
    {
        await Task.Delay(3000);
        transform.position = Vector3.zero;
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

    async void Start(int level) // want ASY002
    {
        await Task.Delay(level);
    }
}
