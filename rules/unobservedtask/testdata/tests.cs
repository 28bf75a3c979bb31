using System;
using System.Threading.Tasks;
using Moq;
using NSubstitute;
using NUnit.Framework;
using Shop.Orders;

namespace Shop.Tests
{
    [TestFixture]
    public class OrderServiceTests
    {
        private Mock<IOrderRepository> _repo;
        private IMailer _mailer;

        [SetUp]
        public void SetUp()
        {
            _repo = new Mock<IOrderRepository>();
            _repo.Setup(r => r.GetOrderAsync(1)).ReturnsAsync(new Order { Id = 1 });
            _repo.Setup(r => r.SaveAsync(It.IsAny<Order>())).ThrowsAsync(new InvalidOperationException());
            _repo.SetupSequence(r => r.GetOrderAsync(2)).ReturnsAsync(new Order()).ReturnsAsync((Order)null);
            _mailer = Substitute.For<IMailer>();
            _mailer.SendConfirmationAsync("a@b.c").Returns(Task.CompletedTask);
        }

        [Test]
        public async Task PlaceSendsConfirmation()
        {
            var service = new OrderService(_repo.Object, _mailer, null);
            await service.PlaceAsync(new Order { Email = "a@b.c" });
            _mailer.Received(1).SendConfirmationAsync("a@b.c");
            _mailer.DidNotReceive().SendConfirmationAsync("x@y.z");
            _repo.Verify(r => r.SaveAsync(It.IsAny<Order>()), Times.Once);
            service.PlaceAsync(new Order()); // want ASY004
        }

        [Test]
        public void PlaceRejectsNull()
        {
            var service = new OrderService(_repo.Object, _mailer, null);
            Assert.ThrowsAsync<ArgumentNullException>(() => service.ForwardAsync(null));
            Assert.DoesNotThrowAsync(async () => await service.ForwardAsync(new Order()));
            service.ForwardAsync(new Order()); // want ASY004
        }
    }
}
