using System;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Stateless;
using UnityEngine;
using UnityEngine.SceneManagement;

namespace Shop.Configuration
{
    public sealed class CreateOrderCommand
    {
        public string Email { get; set; }
        public int CustomerId { get; set; }
    }

    public sealed class CreateOrderValidator : AbstractValidator<CreateOrderCommand>
    {
        private readonly ICustomerDirectory _customers;

        public CreateOrderValidator(ICustomerDirectory customers)
        {
            _customers = customers;
            RuleFor(c => c.Email).NotEmpty().EmailAddress();
            RuleFor(c => c.CustomerId).MustAsync(ExistAsync);
            RuleFor(c => c.Email).MustAsync(async (email, ct) => await _customers.IsFreeAsync(email, ct)).WithMessage("taken");
            RuleFor(c => c.Email).NotNull().WhenAsync(async (c, ct) => await _customers.ExistsAsync(c.CustomerId, ct));
            _customers.WarmUpAsync(); // want ASY004
        }

        private Task<bool> ExistAsync(int id, CancellationToken ct) => _customers.ExistsAsync(id, ct);
    }

    public interface ICustomerDirectory
    {
        Task<bool> ExistsAsync(int id, CancellationToken ct);
        Task<bool> IsFreeAsync(string email, CancellationToken ct);
        Task WarmUpAsync();
    }

    public enum DoorState { Open, Closed }

    public enum DoorTrigger { Close, Open }

    public sealed class Door
    {
        private readonly StateMachine<DoorState, DoorTrigger> _machine = new StateMachine<DoorState, DoorTrigger>(DoorState.Open);

        public Door()
        {
            _machine.Configure(DoorState.Open)
                .Permit(DoorTrigger.Close, DoorState.Closed)
                .OnEntryAsync(async () => await ChimeAsync());
            _machine.Configure(DoorState.Closed).OnExitAsync(ChimeAsync);
            _machine.ActivateAsync(); // want ASY004
        }

        private Task ChimeAsync() => Task.Delay(10);
    }

    public sealed class MenuController : MonoBehaviour
    {
        public void OnPlayClicked()
        {
            SceneManager.LoadSceneAsync("Level1");
            UnityEngine.SceneManagement.SceneManager.LoadSceneAsync(2, LoadSceneMode.Additive);
            Resources.LoadAsync<Texture2D>("banner");
        }
    }
}
